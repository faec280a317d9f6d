package fr.aptic.qualification.decisions;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables an input entry sees: the input's value under its variable name, that name under
 * {@code inputVariableName}, then the decision's variables.
 *
 * <p>Answers exactly as the stock {@code CompositeVariableContext.compose(variables(inputVariableName,
 * inputVariable), decisionVariables)}; the input's value wins when its name is {@code inputVariableName}
 * itself, as the later entry of the stock map does.
 */
final class InputVariableContext implements VariableContext {

    static final String INPUT_VARIABLE_NAME = "inputVariableName";

    private final VariableContext decisionVariables;
    private String inputVariable;
    private TypedValue inputValue;
    private TypedValue inputVariableNameValue;

    InputVariableContext(String inputVariable, TypedValue inputValue, VariableContext decisionVariables) {
        this.decisionVariables = decisionVariables;
        input(inputVariable, inputValue);
    }

    /**
     * The next input of the same table: one context serves a table's inputs in turn, within one evaluation on
     * one thread (nothing keeps it past a cell's evaluation).
     */
    InputVariableContext input(String inputVariable, TypedValue inputValue) {
        this.inputVariable = inputVariable;
        this.inputValue = inputValue;
        this.inputVariableNameValue = null;
        return this;
    }

    @Override
    public TypedValue resolve(String name) {
        if (name.equals(inputVariable)) {
            return inputValue;
        }
        if (name.equals(INPUT_VARIABLE_NAME)) {
            if (inputVariableNameValue == null) {
                inputVariableNameValue = Variables.untypedValue(inputVariable);
            }
            return inputVariableNameValue;
        }
        return decisionVariables.resolve(name);
    }

    @Override
    public boolean containsVariable(String name) {
        return name.equals(inputVariable)
                || name.equals(INPUT_VARIABLE_NAME)
                || decisionVariables.containsVariable(name);
    }

    @Override
    public Set<String> keySet() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(INPUT_VARIABLE_NAME);
        keys.add(inputVariable);
        keys.addAll(decisionVariables.keySet());
        return keys;
    }
}
