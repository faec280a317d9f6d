package fr.aptic.qualification.decisions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnDecisionContext;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.evaluation.DmnDecisionLogicEvaluationHandler;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * Camunda's decision evaluation context, reusable across evaluations and threads (it holds only the
 * configuration's handlers and listeners), reading the caller's variables in place
 * ({@link DecisionVariables}) and evaluating decision tables with {@link FastDecisionTableEvaluationHandler}.
 * Required decisions, their results, hit policies and the events sent to listeners are Camunda's.
 */
class FastDmnDecisionContext extends DefaultDmnDecisionContext {

    private final FastDecisionTableEvaluationHandler tableHandler;

    FastDmnDecisionContext(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
        tableHandler = new FastDecisionTableEvaluationHandler(configuration);
        evaluationHandlers.put(DmnDecisionTableImpl.class, tableHandler);
    }

    // the table handler without two map lookups; any other logic as Camunda
    @Override
    protected DmnDecisionLogicEvaluationHandler getDecisionEvaluationHandler(DmnDecision decision) {
        return decision.getDecisionLogic().getClass() == DmnDecisionTableImpl.class
                ? tableHandler
                : super.getDecisionEvaluationHandler(decision);
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, VariableContext variableContext) {
        if (decision.getKey() == null) {
            throw LOG.unableToFindAnyDecisionTable();
        }
        DecisionVariables variables = new DecisionVariables(variableContext);
        List<DmnDecision> decisions = new ArrayList<>();
        buildDecisionTree(decision, decisions);

        List<DmnDecisionLogicEvaluationEvent> events = new ArrayList<>(decisions.size());
        DmnDecisionResult result = null;
        for (DmnDecision evaluated : decisions) {
            DmnDecisionLogicEvaluationHandler handler = getDecisionEvaluationHandler(evaluated);
            DmnDecisionLogicEvaluationEvent event = handler.evaluate(evaluated, variables);
            events.add(event);
            result = handler.generateDecisionResult(event);
            if (evaluated != decision) {
                addResult(result, evaluated, variables);
            }
        }
        generateDecisionEvaluationEvent(events);
        return result;
    }

    // As Camunda: a single result of a table that is neither COLLECT nor RULE ORDER gives its outputs as
    // variables; several results give one list per output name. Read in place rather than through
    // getResultList(), which copies every row into a new map.
    private void addResult(DmnDecisionResult result, DmnDecision evaluated, DecisionVariables variables) {
        if (result.isEmpty()) {
            return;
        }
        if (result.size() == 1 && !isDecisionTableWithCollectOrRuleOrderHitPolicy(evaluated)) {
            result.get(0).getEntryMapTyped().forEach((name, value) -> variables.put(name, value.getValue()));
            return;
        }
        Set<String> outputs = new HashSet<>();
        for (DmnDecisionResultEntries row : result) {
            outputs.addAll(row.keySet());
        }
        for (String output : outputs) {
            variables.put(output, result.collectEntries(output));
        }
    }
}
