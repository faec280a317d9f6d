package fr.aptic.qualification.system.feel;

import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.evaluation.DecisionTableEvaluationHandler;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * Camunda's decision table evaluation, with the variables seen by an input's rules held in a small
 * {@link InputVariableContext} rather than a new variable map composed with the decision's variables, and
 * FEEL's {@code -} answered without a call to the FEEL engine.
 */
class FastDecisionTableEvaluationHandler extends DecisionTableEvaluationHandler {

    private final boolean anyInputIsTrue;

    FastDecisionTableEvaluationHandler(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
        // only our FEEL engine is known to read nothing for `-`
        anyInputIsTrue = feelEngine instanceof FastFeelEngine;
    }

    // `-` (any input) is the most frequent cell of a table; FEEL answers true without reading anything.
    @Override
    protected Object evaluateInputEntry(
            DmnDecisionTableInputImpl input, DmnExpressionImpl condition, VariableContext variableContext) {
        if (anyInputIsTrue && isAnyInput(condition)) {
            String language = condition.getExpressionLanguage();
            if (expressionEvaluationHandler.isFeelExpressionLanguage(
                    language != null ? language : inputEntryExpressionLanguage)) {
                return true;
            }
        }
        return super.evaluateInputEntry(input, condition, variableContext);
    }

    private static boolean isAnyInput(DmnExpressionImpl condition) {
        String text = condition.getExpression();
        return text != null && (text.equals("-") || text.trim().equals("-"));
    }

    @Override
    protected VariableContext getLocalVariableContext(
            DmnDecisionTableInputImpl input, DmnEvaluatedInput evaluatedInput, VariableContext variableContext) {
        if (isNonEmptyExpression(input.getExpression())) {
            return new InputVariableContext(
                    evaluatedInput.getInputVariable(), evaluatedInput.getValue(), variableContext);
        }
        return variableContext;
    }
}
