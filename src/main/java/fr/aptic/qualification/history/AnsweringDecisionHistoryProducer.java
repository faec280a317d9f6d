package fr.aptic.qualification.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.DefaultDmnHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Decision history that, inside the bulk processes ({@link BulkProcesses}), keeps the decision that
 * answered (its inputs, its outputs and its version) and not the decisions it required: for a member of a
 * network, the eligibility decision with its knock-out count, its score points and its answer (eligible, score,
 * reasons), not the knock-out and score tables' 20 inputs each. Those inputs are the application's own fields,
 * kept in {@code app_application} with the application; evaluating the recorded decision version on them gives the
 * required decisions back (the simulation does that for thousands at once).
 *
 * <p>Everywhere else, history is the engine's: every decision of a requirements graph with its inputs and outputs.
 *
 * <p>Everywhere, lists and dates among inputs and outputs are written as text (JSON arrays, ISO dates), which
 * Cockpit and the REST API show as they are, where the engine would write Java-serialized objects (a row of
 * bytes each, unreadable outside Java).
 */
public class AnsweringDecisionHistoryProducer extends DefaultDmnHistoryEventProducer {

    /** The longest text a history value holds in its text column. */
    private static final int TEXT_LENGTH = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BulkProcesses bulkProcesses;

    AnsweringDecisionHistoryProducer(BulkProcesses bulkProcesses) {
        this.bulkProcesses = bulkProcesses;
    }

    @Override
    public HistoryEvent createDecisionEvaluatedEvt(DelegateExecution execution, DmnDecisionEvaluationEvent event) {
        if (event.getRequiredDecisionResults().isEmpty() || !bulkProcesses.contains((ExecutionEntity) execution)) {
            return super.createDecisionEvaluatedEvt(execution, event);
        }
        return super.createDecisionEvaluatedEvt(execution, new AnsweringDecisionOnly(event));
    }

    @Override
    protected List<HistoricDecisionInputInstance> createHistoricDecisionInputInstances(
            DmnDecisionTableEvaluationEvent event, String rootProcessInstanceId, Date removalTime) {
        List<HistoricDecisionInputInstance> inputs =
                new ArrayList<>(event.getInputs().size());
        for (DmnEvaluatedInput clause : event.getInputs()) {
            HistoricDecisionInputInstanceEntity input =
                    new HistoricDecisionInputInstanceEntity(rootProcessInstanceId, removalTime);
            input.setClauseId(clause.getId());
            input.setClauseName(clause.getName());
            input.setCreateTime(ClockUtil.getCurrentTime());
            input.setValue(readable(clause.getValue()));
            inputs.add(input);
        }
        return inputs;
    }

    @Override
    protected List<HistoricDecisionOutputInstance> createHistoricDecisionOutputInstances(
            DmnDecisionTableEvaluationEvent event, String rootProcessInstanceId, Date removalTime) {
        List<HistoricDecisionOutputInstance> outputs = new ArrayList<>();
        List<DmnEvaluatedDecisionRule> rules = event.getMatchingRules();
        for (int index = 0; index < rules.size(); index++) {
            DmnEvaluatedDecisionRule rule = rules.get(index);
            for (DmnEvaluatedOutput clause : rule.getOutputEntries().values()) {
                HistoricDecisionOutputInstanceEntity output =
                        new HistoricDecisionOutputInstanceEntity(rootProcessInstanceId, removalTime);
                output.setClauseId(clause.getId());
                output.setClauseName(clause.getName());
                output.setCreateTime(ClockUtil.getCurrentTime());
                output.setRuleId(rule.getId());
                output.setRuleOrder(index + 1);
                output.setVariableName(clause.getOutputName());
                output.setValue(readable(clause.getValue()));
                outputs.add(output);
            }
        }
        return outputs;
    }

    /** A list or a map as JSON text, a date as ISO text, anything else as the engine would write it. */
    static TypedValue readable(TypedValue value) {
        Object raw = value == null ? null : value.getValue();
        String text = null;
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            try {
                text = JSON.writeValueAsString(raw);
            } catch (JsonProcessingException e) {
                text = null;
            }
        } else if (raw instanceof TemporalAccessor) {
            text = raw.toString();
        }
        if (text == null || text.length() > TEXT_LENGTH) {
            return Variables.untypedValue(value);
        }
        return Variables.stringValue(text);
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
