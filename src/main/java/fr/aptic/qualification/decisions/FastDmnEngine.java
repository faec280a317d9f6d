package fr.aptic.qualification.decisions;

import static org.camunda.commons.utils.EnsureUtil.ensureNotNull;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableResultImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * Camunda's DMN engine evaluating with one shared {@link FastDmnDecisionContext}: the stock engine builds a
 * new context, with new evaluation handlers, for every evaluation, though they hold no evaluation state.
 */
class FastDmnEngine extends DefaultDmnEngine {

    private final FastDmnDecisionContext decisionContext;

    FastDmnEngine(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
        decisionContext = new FastDmnDecisionContext(configuration);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, VariableContext variableContext) {
        ensureNotNull("decision", decision);
        ensureNotNull("variableContext", variableContext);
        if (decision instanceof DmnDecisionImpl && decision.isDecisionTable()) {
            return DmnDecisionTableResultImpl.wrap(decisionContext.evaluateDecision(decision, variableContext));
        }
        throw LOG.decisionIsNotADecisionTable(decision);
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, VariableContext variableContext) {
        ensureNotNull("decision", decision);
        ensureNotNull("variableContext", variableContext);
        if (decision instanceof DmnDecisionImpl) {
            return decisionContext.evaluateDecision(decision, variableContext);
        }
        throw LOG.decisionTypeNotSupported(decision);
    }
}
