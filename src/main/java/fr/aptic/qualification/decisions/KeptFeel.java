package fr.aptic.qualification.decisions;

import org.camunda.bpm.dmn.engine.impl.spi.el.ElExpression;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * What the decision table handler keeps on a FEEL cell or expression of a parsed decision: whether it is
 * {@code -}, or its parse result, so that evaluating it again needs neither text comparison nor lookup.
 *
 * <p>Kept in the expression's EL cache slot ({@code DmnExpressionImpl.setCachedExpression}), which Camunda
 * uses only for JUEL expressions; a FEEL expression's slot is otherwise empty. Never evaluated as EL.
 */
record KeptFeel(boolean anyInput, ParsedExpressionCache.Parsed parsed) implements ElExpression {

    static final KeptFeel ANY_INPUT = new KeptFeel(true, null);

    @Override
    public Object getValue(VariableContext variableContext) {
        throw new IllegalStateException("a FEEL expression kept by the fast FEEL engine is not an EL expression");
    }
}
