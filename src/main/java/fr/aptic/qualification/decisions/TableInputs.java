package fr.aptic.qualification.decisions;

import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.delegate.DmnEvaluatedInputImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;

/** A decision table's inputs as {@link FastDecisionTableEvaluationHandler} reads them. */
final class TableInputs {

    private TableInputs() {}

    /**
     * The values of the inputs whose expression is a variable's name, read before any rule is tested: the
     * reads do not depend on one another, so the processor waits for their memory once rather than in turn
     * (on a decision's first look at a caller's variables, those waits are most of its time). Null where an
     * input is not such a name or its value is not one a shortcut reads; that input is evaluated as usual.
     */
    static Object[] readFirst(String[] names, VariableContext variables) {
        if (names == null) {
            return null;
        }
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                Object value = FeelValues.read(variables, names[i]);
                values[i] = value == FastPath.FALLBACK ? null : value;
            }
        }
        return values;
    }

    // Camunda's evaluateInput, given the value its input expression evaluates to
    static DmnEvaluatedInput evaluatedInput(DmnDecisionTableInputImpl input, Object value) {
        DmnEvaluatedInputImpl evaluated = new DmnEvaluatedInputImpl(input);
        evaluated.setValue(input.getExpression().getTypeDefinition().transform(value));
        return evaluated;
    }
}
