package fr.aptic.qualification.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Offers the history level {@value LeanHistoryLevel#NAME} ({@link LeanHistoryLevel}), chosen in
 * {@code application.yaml} by {@code camunda.bpm.history-level}; {@code full} and the others stay available.
 * Inside the processes listed by {@code aptic.history.bulk-processes} ({@link BulkProcesses}), history leaves
 * out what is recorded elsewhere already.
 */
@Component
public class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

    private final BulkProcesses bulkProcesses;
    /** The processes whose variables are copies of their caller's ({@code aptic.history.copying-processes}). */
    private final Set<String> copyingProcesses;

    public LeanHistoryPlugin(
            @Value("${aptic.history.bulk-processes:}") List<String> bulkProcesses,
            @Value("${aptic.history.copying-processes:eligibility-assessment}") List<String> copyingProcesses) {
        this.bulkProcesses = new BulkProcesses(bulkProcesses);
        this.copyingProcesses = Set.copyOf(copyingProcesses);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new LeanHistoryLevel(copyingProcesses, bulkProcesses));
        configuration.setCustomHistoryLevels(levels);
        configuration.setDmnHistoryEventProducer(new AnsweringDecisionHistoryProducer(bulkProcesses));
    }
}
