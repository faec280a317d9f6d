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
 * Records, inside the processes listed by {@code aptic.history.answering-decision-only}, the decision that
 * answered without the decisions it required ({@link AnsweringDecisionHistoryProducer}).
 */
@Component
public class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

    /** The processes whose variables are copies of their caller's. */
    static final Set<String> COPYING_PROCESSES = Set.of(EligibilityAssessmentProcess.KEY);

    private final List<String> answeringDecisionOnly;

    public LeanHistoryPlugin(@Value("${aptic.history.answering-decision-only:}") List<String> answeringDecisionOnly) {
        this.answeringDecisionOnly = List.copyOf(answeringDecisionOnly);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new LeanHistoryLevel(COPYING_PROCESSES));
        configuration.setCustomHistoryLevels(levels);
        configuration.setDmnHistoryEventProducer(new AnsweringDecisionHistoryProducer(answeringDecisionOnly));
    }
}
