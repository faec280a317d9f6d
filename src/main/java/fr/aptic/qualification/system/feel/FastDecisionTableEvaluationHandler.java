package fr.aptic.qualification.system.feel;

import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.evaluation.DecisionTableEvaluationHandler;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * Camunda's decision table evaluation, with less work per cell when FEEL is {@link FastFeelEngine}: each
 * FEEL cell and expression keeps its parse result ({@link KeptFeel}), {@code -} is answered without a
 * call, and the variables seen by an input's rules are a small {@link InputVariableContext} rather than a
 * new variable map composed with the decision's variables. Results and events are Camunda's.
 */
class FastDecisionTableEvaluationHandler extends DecisionTableEvaluationHandler {

    private final FastFeelEngine fastFeel;

    FastDecisionTableEvaluationHandler(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
        fastFeel = feelEngine instanceof FastFeelEngine fast ? fast : null;
    }

    @Override
    protected Object evaluateInputEntry(
            DmnDecisionTableInputImpl input, DmnExpressionImpl condition, VariableContext variableContext) {
        KeptFeel kept = keptUnaryTests(condition);
        if (kept == null) {
            return super.evaluateInputEntry(input, condition, variableContext);
        }
        if (kept.anyInput()) {
            // FEEL's `-`: true, reading nothing
            return true;
        }
        return fastFeel.evaluateUnaryTests(kept.parsed(), input.getInputVariable(), variableContext);
    }

    @Override
    protected Object evaluateInputExpression(DmnExpressionImpl expression, VariableContext variableContext) {
        KeptFeel kept = keptExpression(expression, inputExpressionExpressionLanguage);
        return kept == null
                ? super.evaluateInputExpression(expression, variableContext)
                : fastFeel.evaluateExpression(kept.parsed(), variableContext);
    }

    @Override
    protected Object evaluateOutputEntry(DmnExpressionImpl conclusion, VariableContext variableContext) {
        KeptFeel kept = keptExpression(conclusion, outputEntryExpressionLanguage);
        return kept == null
                ? super.evaluateOutputEntry(conclusion, variableContext)
                : fastFeel.evaluateExpression(kept.parsed(), variableContext);
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

    // What to keep, decided on first evaluation: only non-empty FEEL cells (others take Camunda's road).
    private KeptFeel keptUnaryTests(DmnExpressionImpl condition) {
        if (fastFeel == null) {
            return null;
        }
        if (condition.getCachedExpression() instanceof KeptFeel kept) {
            return kept;
        }
        if (!isNonEmptyExpression(condition) || !isFeel(condition, inputEntryExpressionLanguage)) {
            return null;
        }
        String text = condition.getExpression();
        KeptFeel kept =
                text.trim().equals("-") ? KeptFeel.ANY_INPUT : new KeptFeel(false, fastFeel.parseUnaryTests(text));
        // a benign race: every thread keeps an equal value
        condition.setCachedExpression(kept);
        return kept;
    }

    private KeptFeel keptExpression(DmnExpressionImpl expression, String defaultLanguage) {
        if (fastFeel == null) {
            return null;
        }
        if (expression.getCachedExpression() instanceof KeptFeel kept) {
            return kept;
        }
        if (expression.getExpression() == null || !isFeel(expression, defaultLanguage)) {
            return null;
        }
        KeptFeel kept = new KeptFeel(false, fastFeel.parseExpression(expression.getExpression()));
        expression.setCachedExpression(kept);
        return kept;
    }

    private boolean isFeel(DmnExpressionImpl expression, String defaultLanguage) {
        String language = expression.getExpressionLanguage();
        return expressionEvaluationHandler.isFeelExpressionLanguage(language != null ? language : defaultLanguage);
    }
}
