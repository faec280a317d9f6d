package fr.aptic.qualification.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and Java type in one place, so no variable name is repeated as a
 * string literal across delegates, services and tests.
 *
 * @param <T> the Java type the engine stores for this variable
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public ProcessVariable {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    /** The value in the scope, or empty when it is absent or null. */
    public Optional<T> find(VariableScope scope) {
        return Optional.ofNullable(type.cast(scope.getVariable(name)));
    }

    /** The value in the scope; fails when it is absent, which is a modelling error. */
    public T get(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("process variable '" + name + "' is not set"));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** The value in a variable map (REST completion, task variables), or empty. */
    public Optional<T> find(Map<String, ?> variables) {
        Object value = variables.get(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** Puts the value into a map of variables, for starts and correlations. */
    public Map<String, Object> putInto(Map<String, Object> variables, T value) {
        variables.put(name, value);
        return variables;
    }
}
