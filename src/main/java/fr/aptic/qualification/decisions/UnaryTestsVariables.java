package fr.aptic.qualification.decisions;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.collection.Iterable;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;

/**
 * Variables of a unary test: the input variable's name first, then the decision's variables.
 *
 * <p>Same lookup order and keys as stock {@code CompositeVariableProvider(StaticVariableProvider(
 * inputVariableName), ContextVariableWrapper)}, without a Scala map and list per evaluation.
 */
final class UnaryTestsVariables extends ContextVariables {

    private static final String INPUT_VARIABLE_NAME = FeelEngine.UnaryTests$.MODULE$.inputVariable();

    private final Some<Object> inputVariable;

    UnaryTestsVariables(String inputVariable, VariableContext context) {
        super(context);
        this.inputVariable = new Some<>(inputVariable);
    }

    @Override
    public Option<Object> getVariable(String name) {
        if (INPUT_VARIABLE_NAME.equals(name)) {
            return inputVariable;
        }
        return super.getVariable(name);
    }

    @Override
    public Iterable<String> keys() {
        return super.keys().toList().$colon$colon(INPUT_VARIABLE_NAME);
    }
}
