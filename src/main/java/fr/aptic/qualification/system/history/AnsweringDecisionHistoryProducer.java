package fr.aptic.qualification.system.history;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.DefaultDmnHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Decision history that, inside the processes named here (and the processes they call), keeps the decision that
 * answered (its inputs, its outputs and its version) and not the decisions it required: for a member of a
 * network, the eligibility decision with its knock-out count, its score points and its answer (eligible, score,
 * reasons), not the knock-out and score tables' 20 inputs each. Those inputs are the application's own fields,
 * kept in {@code app_application} with the application; evaluating the recorded decision version on them gives the
 * required decisions back (the simulation does that for thousands at once).
 *
 * <p>Everywhere else, history is the engine's: every decision of a requirements graph with its inputs and outputs.
 */
public class AnsweringDecisionHistoryProducer extends DefaultDmnHistoryEventProducer {

    private final Set<String> processesKeepingAnsweringDecisionOnly;

    public AnsweringDecisionHistoryProducer(Collection<String> processesKeepingAnsweringDecisionOnly) {
        this.processesKeepingAnsweringDecisionOnly = Set.copyOf(processesKeepingAnsweringDecisionOnly);
    }

    @Override
    public HistoryEvent createDecisionEvaluatedEvt(DelegateExecution execution, DmnDecisionEvaluationEvent event) {
        if (event.getRequiredDecisionResults().isEmpty()
                || !processesKeepingAnsweringDecisionOnly.contains(rootProcessKey(execution))) {
            return super.createDecisionEvaluatedEvt(execution, event);
        }
        return super.createDecisionEvaluatedEvt(execution, new AnsweringDecisionOnly(event));
    }

    // the key of the process that started it all: the caller of the caller…, found in the transaction's cache
    private static String rootProcessKey(DelegateExecution execution) {
        ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getProcessDefinition().getKey();
    }

    /** The evaluation as the history sees it: the answering decision, without the decisions it required. */
    private record AnsweringDecisionOnly(DmnDecisionEvaluationEvent event) implements DmnDecisionEvaluationEvent {

        @Override
        public DmnDecisionLogicEvaluationEvent getDecisionResult() {
            return event.getDecisionResult();
        }

        @Override
        public Collection<DmnDecisionLogicEvaluationEvent> getRequiredDecisionResults() {
            return List.of();
        }

        @Override
        public long getExecutedDecisionInstances() {
            return event.getExecutedDecisionInstances();
        }

        @Override
        public long getExecutedDecisionElements() {
            return event.getExecutedDecisionElements();
        }
    }
}
