package fr.aptic.qualification.system.history;

import fr.aptic.qualification.eligibility.EligibilityAssessmentProcess;
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

    /** The processes whose variables are copies of their caller's. */
    static final Set<String> COPYING_PROCESSES = Set.of(EligibilityAssessmentProcess.KEY);

    private final BulkProcesses bulkProcesses;

    public LeanHistoryPlugin(@Value("${aptic.history.bulk-processes:}") List<String> bulkProcesses) {
        this.bulkProcesses = new BulkProcesses(bulkProcesses);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new LeanHistoryLevel(COPYING_PROCESSES, bulkProcesses));
        configuration.setCustomHistoryLevels(levels);
        configuration.setDmnHistoryEventProducer(new AnsweringDecisionHistoryProducer(bulkProcesses));
    }
}
