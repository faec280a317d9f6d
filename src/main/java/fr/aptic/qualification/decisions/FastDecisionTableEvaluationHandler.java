package fr.aptic.qualification.decisions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<DmnDecisionTableImpl, Plan> plans = new ConcurrentHashMap<>();

    FastDecisionTableEvaluationHandler(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
        fastFeel = feelEngine instanceof FastFeelEngine fast ? fast : null;
    }

    /**
     * As Camunda: each input is evaluated in turn, then tested against the rules still matching, in rule
     * order; only cells that always match (empty, or FEEL's {@code -}) are skipped rather than called, and a
     * FEEL cell with a shortcut is answered by it directly (the interpreter, or Camunda's road, otherwise).
     */
    @Override
    protected void evaluateDecisionTable(
            DmnDecisionTableImpl decisionTable,
            VariableContext variableContext,
            DmnDecisionTableEvaluationEventImpl evaluationResult) {
        List<DmnDecisionTableInputImpl> inputs = decisionTable.getInputs();
        List<DmnDecisionTableRuleImpl> rules = decisionTable.getRules();
        Plan plan = plan(decisionTable);
        Cell[][] tested = plan.tested();
        if (fastFeel != null) {
            // the interpreter checks this on every node, and throws; shortcuts check it once per table
            FastFeelEngine.checkInterrupted();
        }
        Object[] read = TableInputs.readFirst(plan.readFirst(), variableContext);
        boolean[] excluded = new boolean[rules.size()];
        if (evaluationResult.getInputs() instanceof ArrayList<DmnEvaluatedInput> evaluatedInputs) {
            evaluatedInputs.ensureCapacity(inputs.size());
        }
        InputVariableContext sharedInputVariables = null;
        for (int inputIndex = 0; inputIndex < inputs.size(); inputIndex++) {
            DmnDecisionTableInputImpl input = inputs.get(inputIndex);
            DmnEvaluatedInput evaluatedInput = read != null && read[inputIndex] != null
                    ? TableInputs.evaluatedInput(input, read[inputIndex])
                    : evaluateInput(input, variableContext);
            evaluationResult.getInputs().add(evaluatedInput);
            VariableContext inputVariables = variableContext;
            if (isNonEmptyExpression(input.getExpression())) {
                // Camunda's getLocalVariableContext, as one context for the table's inputs in turn
                sharedInputVariables = sharedInputVariables == null
                        ? new InputVariableContext(
                                evaluatedInput.getInputVariable(), evaluatedInput.getValue(), variableContext)
                        : sharedInputVariables.input(evaluatedInput.getInputVariable(), evaluatedInput.getValue());
                inputVariables = sharedInputVariables;
            }
            String inputVariable = input.getInputVariable();
            for (Cell cell : tested[inputIndex]) {
                if (!excluded[cell.rule] && !matches(cell, input, inputVariable, inputVariables)) {
                    excluded[cell.rule] = true;
                }
            }
        }
        int matching = 0;
        for (boolean out : excluded) {
            matching += out ? 0 : 1;
        }
        List<DmnDecisionTableRuleImpl> matchingRules = new ArrayList<>(matching);
        for (int ruleIndex = 0; ruleIndex < rules.size(); ruleIndex++) {
            if (!excluded[ruleIndex]) {
                matchingRules.add(rules.get(ruleIndex));
            }
        }
        setEvaluationOutput(decisionTable, matchingRules, variableContext, evaluationResult);
    }

    // isConditionApplicable's answer: the cell's value is true
    private boolean matches(
            Cell cell, DmnDecisionTableInputImpl input, String inputVariable, VariableContext inputVariables) {
        if (cell.fastPath != null) {
            Object result = cell.fastPath.evaluate(inputVariables, inputVariable);
            if (result != FastPath.FALLBACK) {
                return Boolean.TRUE.equals(result);
            }
        }
        return isConditionApplicable(input, cell.condition, inputVariables);
    }

    /** A cell to evaluate: its rule, its condition and, for a FEEL cell with one, its shortcut. */
    private record Cell(int rule, DmnExpressionImpl condition, FastPath fastPath) {}

    /**
     * How a table is evaluated: per input, the cells that must be evaluated (neither empty nor {@code -}); the
     * variable names of inputs whose expression is only that (null when none is).
     */
    private record Plan(Cell[][] tested, String[] readFirst) {}

    private Plan plan(DmnDecisionTableImpl decisionTable) {
        Plan plan = plans.get(decisionTable);
        if (plan == null) {
            int inputs = decisionTable.getInputs().size();
            List<DmnDecisionTableRuleImpl> rules = decisionTable.getRules();
            Cell[][] tested = new Cell[inputs][];
            String[] readFirst = new String[inputs];
            boolean anyRead = false;
            for (int inputIndex = 0; inputIndex < inputs; inputIndex++) {
                DmnExpressionImpl expression =
                        decisionTable.getInputs().get(inputIndex).getExpression();
                KeptFeel input =
                        expression == null ? null : keptExpression(expression, inputExpressionExpressionLanguage);
                if (input != null && input.parsed().fastPath() instanceof FastPaths.VariableRead read) {
                    readFirst[inputIndex] = read.name();
                    anyRead = true;
                }
                List<Cell> cells = new ArrayList<>();
                for (int ruleIndex = 0; ruleIndex < rules.size(); ruleIndex++) {
                    DmnExpressionImpl condition =
                            rules.get(ruleIndex).getConditions().get(inputIndex);
                    if (!alwaysMatches(condition)) {
                        KeptFeel kept = keptUnaryTests(condition);
                        cells.add(new Cell(
                                ruleIndex,
                                condition,
                                kept == null ? null : kept.parsed().fastPath()));
                    }
                }
                tested[inputIndex] = cells.toArray(Cell[]::new);
            }
            plan = new Plan(tested, anyRead ? readFirst : null);
            if (plans.size() >= PLANNED_TABLES) {
                plans.clear();
            }
            plans.put(decisionTable, plan);
        }
        return plan;
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

    // Camunda's, with the map sized for the table's outputs (a default one allocates sixteen slots), and a
    // single entry as a singleton map (read only, as Camunda's handlers and history read it).
    @Override
    protected Map<String, DmnEvaluatedOutput> evaluateOutputEntries(
            List<DmnDecisionTableOutputImpl> outputs,
            DmnDecisionTableRuleImpl matchingRule,
            VariableContext variables) {
        if (outputs.size() == 1) {
            DmnEvaluatedOutput only = evaluatedOutput(
                    outputs.get(0), matchingRule.getConclusions().get(0), variables);
            if (only != null) {
                return Collections.singletonMap(only.getOutputName(), only);
            }
        }
        Map<String, DmnEvaluatedOutput> outputEntries = new LinkedHashMap<>(outputs.size() * 2);
        for (int outputIndex = 0; outputIndex < outputs.size(); outputIndex++) {
            DmnEvaluatedOutput evaluated = evaluatedOutput(
                    outputs.get(outputIndex), matchingRule.getConclusions().get(outputIndex), variables);
            if (evaluated != null) {
                outputEntries.put(evaluated.getOutputName(), evaluated);
            }
        }
        return outputEntries;
    }

    // one output of a matching rule, or null where Camunda leaves a blank conclusion out
    private DmnEvaluatedOutput evaluatedOutput(
            DmnDecisionTableOutputImpl output, DmnExpressionImpl conclusion, VariableContext variables) {
        boolean nonEmpty = isNonEmptyExpression(conclusion);
        if (!returnBlankTableOutputAsNull && !nonEmpty) {
            return null;
        }
        Object value = nonEmpty ? evaluateOutputEntry(conclusion, variables) : null;
        TypedValue typedValue = output.getTypeDefinition().transform(value);
        return new DmnEvaluatedOutputImpl(output, typedValue);
    }

    // Camunda trims the text on every call; a kept FEEL text is never blank
    @Override
    protected boolean isNonEmptyExpression(DmnExpressionImpl expression) {
        return expression != null && expression.getCachedExpression() instanceof KeptFeel
                || super.isNonEmptyExpression(expression);
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
        if (expression.getExpression() == null
                || expression.getExpression().isBlank()
                || !isFeel(expression, defaultLanguage)) {
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
