package fr.aptic.qualification.decisions;

import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Text forms of decision results and evaluation events, with value types, to compare two engines. */
final class DecisionRendering {

    private DecisionRendering() {}

    static String result(DmnDecisionResult result) {
        return result.stream()
                .map(entries -> entries.getEntryMapTyped().entrySet().stream()
                        .map(e -> e.getKey() + "=" + typed(e.getValue()))
                        .collect(Collectors.joining(", ", "{", "}")))
                .collect(Collectors.joining(" "));
    }

    static String event(DmnDecisionEvaluationEvent event) {
        StringBuilder text = new StringBuilder()
                .append("instances=")
                .append(event.getExecutedDecisionInstances())
                .append(" elements=")
                .append(event.getExecutedDecisionElements())
                .append('\n')
                .append(logic(event.getDecisionResult()));
        event.getRequiredDecisionResults().forEach(required -> text.append(logic(required)));
        return text.toString();
    }

    private static String logic(DmnDecisionLogicEvaluationEvent event) {
        StringBuilder text = new StringBuilder(event.getDecision().getKey())
                .append(" elements=")
                .append(event.getExecutedDecisionElements())
                .append('\n');
        if (event instanceof DmnDecisionTableEvaluationEvent table) {
            for (DmnEvaluatedInput input : table.getInputs()) {
                text.append("  in ")
                        .append(input.getId())
                        .append(' ')
                        .append(input.getName())
                        .append(' ')
                        .append(input.getInputVariable())
                        .append('=')
                        .append(typed(input.getValue()))
                        .append('\n');
            }
            for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
                text.append("  rule ").append(rule.getId());
                for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
                    text.append(' ')
                            .append(output.getId())
                            .append(' ')
                            .append(output.getOutputName())
                            .append('=')
                            .append(typed(output.getValue()));
                }
                text.append('\n');
            }
            text.append("  collect ")
                    .append(table.getCollectResultName())
                    .append('=')
                    .append(typed(table.getCollectResultValue()))
                    .append('\n');
        } else if (event instanceof DmnDecisionLiteralExpressionEvaluationEvent literal) {
            text.append("  ")
                    .append(literal.getOutputName())
                    .append('=')
                    .append(typed(literal.getOutputValue()))
                    .append('\n');
        }
        return text.toString();
    }

    private static String typed(TypedValue value) {
        if (value == null) {
            return "<none>";
        }
        Object raw = value.getValue();
        return raw + ":" + (raw == null ? "null" : raw.getClass().getName()) + "/" + value.getType();
    }
}
