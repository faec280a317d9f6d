package fr.aptic.qualification.decisions;

import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * A shortcut for one parsed FEEL text: the value feel-scala's interpreter would give, computed directly,
 * or {@link #FALLBACK} whenever the variables are not of the few types the shortcut was proven on; the
 * engine then runs the interpreter as usual.
 */
@FunctionalInterface
interface FastPath {

    /** "Not sure: interpret." */
    Object FALLBACK = new Object() {
        @Override
        public String toString() {
            return "FALLBACK";
        }
    };

    /**
     * @param variables the decision's variables
     * @param inputVariable for a unary test, the name of the input variable; else null
     */
    Object evaluate(VariableContext variables, String inputVariable);
}
