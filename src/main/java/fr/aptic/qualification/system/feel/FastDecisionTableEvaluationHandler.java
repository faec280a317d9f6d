package fr.aptic.qualification.system.feel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.delegate.DmnDecisionTableEvaluationEventImpl;
import org.camunda.bpm.dmn.engine.impl.delegate.DmnEvaluatedOutputImpl;
import org.camunda.bpm.dmn.engine.impl.evaluation.DecisionTableEvaluationHandler;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Camunda's decision table evaluation, with less work per cell when FEEL is {@link FastFeelEngine}: each
 * FEEL cell and expression keeps its parse result ({@link KeptFeel}), cells that always match ({@code -},
 * empty) are skipped, and the variables seen by an input's rules are a small {@link InputVariableContext}
 * rather than a new variable map composed with the decision's variables. Results and events are Camunda's.
 */
class FastDecisionTableEvaluationHandler extends DecisionTableEvaluationHandler {

    /** Tables planned at once; more are planned again when met (planning is a scan of their cells). */
    private static final int PLANNED_TABLES = 512;

    private final FastFeelEngine fastFeel;
    private final Map<DmnDecisionTableImpl, int[][]> testedRules = new ConcurrentHashMap<>();

    FastDecisionTableEvaluationHandler(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
        fastFeel = feelEngine instanceof FastFeelEngine fast ? fast : null;
    }

    /**
     * As Camunda: each input is evaluated in turn, then tested against the rules still matching, in rule
     * order; only cells that always match (empty, or FEEL's {@code -}) are skipped rather than called.
     */
    @Override
    protected void evaluateDecisionTable(
            DmnDecisionTableImpl decisionTable,
            VariableContext variableContext,
            DmnDecisionTableEvaluationEventImpl evaluationResult) {
        List<DmnDecisionTableInputImpl> inputs = decisionTable.getInputs();
        List<DmnDecisionTableRuleImpl> rules = decisionTable.getRules();
        int[][] tested = testedRules(decisionTable);
        boolean[] excluded = new boolean[rules.size()];
        for (int inputIndex = 0; inputIndex < inputs.size(); inputIndex++) {
            DmnDecisionTableInputImpl input = inputs.get(inputIndex);
            DmnEvaluatedInput evaluatedInput = evaluateInput(input, variableContext);
            evaluationResult.getInputs().add(evaluatedInput);
            VariableContext inputVariables = getLocalVariableContext(input, evaluatedInput, variableContext);
            for (int ruleIndex : tested[inputIndex]) {
                if (!excluded[ruleIndex]
                        && !isConditionApplicable(
                                input, rules.get(ruleIndex).getConditions().get(inputIndex), inputVariables)) {
                    excluded[ruleIndex] = true;
                }
            }
        }
        List<DmnDecisionTableRuleImpl> matchingRules = new ArrayList<>();
        for (int ruleIndex = 0; ruleIndex < rules.size(); ruleIndex++) {
            if (!excluded[ruleIndex]) {
                matchingRules.add(rules.get(ruleIndex));
            }
        }
        setEvaluationOutput(decisionTable, matchingRules, variableContext, evaluationResult);
    }

    // per input, the rules whose cell must be evaluated: neither empty nor `-`
    private int[][] testedRules(DmnDecisionTableImpl decisionTable) {
        int[][] tested = testedRules.get(decisionTable);
        if (tested == null) {
            int inputs = decisionTable.getInputs().size();
            List<DmnDecisionTableRuleImpl> rules = decisionTable.getRules();
            tested = new int[inputs][];
            for (int inputIndex = 0; inputIndex < inputs; inputIndex++) {
                int column = inputIndex;
                tested[inputIndex] = IntStream.range(0, rules.size())
                        .filter(r -> !alwaysMatches(rules.get(r).getConditions().get(column)))
                        .toArray();
            }
            if (testedRules.size() >= PLANNED_TABLES) {
                testedRules.clear();
            }
            testedRules.put(decisionTable, tested);
        }
        return tested;
    }

    private boolean alwaysMatches(DmnExpressionImpl condition) {
        if (!isNonEmptyExpression(condition)) {
            return true;
        }
        KeptFeel kept = keptUnaryTests(condition);
        return kept != null && kept.anyInput();
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

    // Camunda's, with the map sized for the table's outputs (a default one allocates sixteen slots).
    @Override
    protected Map<String, DmnEvaluatedOutput> evaluateOutputEntries(
            List<DmnDecisionTableOutputImpl> outputs,
            DmnDecisionTableRuleImpl matchingRule,
            VariableContext variables) {
        Map<String, DmnEvaluatedOutput> outputEntries = new LinkedHashMap<>(outputs.size() * 2);
        for (int outputIndex = 0; outputIndex < outputs.size(); outputIndex++) {
            DmnExpressionImpl conclusion = matchingRule.getConclusions().get(outputIndex);
            boolean nonEmpty = isNonEmptyExpression(conclusion);
            if (returnBlankTableOutputAsNull || nonEmpty) {
                DmnDecisionTableOutputImpl output = outputs.get(outputIndex);
                Object value = nonEmpty ? evaluateOutputEntry(conclusion, variables) : null;
                TypedValue typedValue = output.getTypeDefinition().transform(value);
                outputEntries.put(output.getOutputName(), new DmnEvaluatedOutputImpl(output, typedValue));
            }
        }
        return outputEntries;
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
