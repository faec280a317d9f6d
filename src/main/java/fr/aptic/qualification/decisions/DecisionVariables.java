package fr.aptic.qualification.decisions;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.impl.value.NullValueImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables of one decision evaluation: the caller's, plus the results of required decisions.
 *
 * <p>Camunda copies the caller's variables into a new map so it can add those results; reading through to
 * the caller's context gives the same values without the copy. As in the copy, a typed null reads as the
 * untyped null, and results are stored as untyped values.
 */
final class DecisionVariables implements VariableContext {

    private final VariableContext callerVariables;
    // a few outputs of required decisions: a small table from the start
    private final Map<String, TypedValue> added = new HashMap<>(8);

    DecisionVariables(VariableContext callerVariables) {
        this.callerVariables = callerVariables;
    }

    void put(String name, Object value) {
        added.put(name, Variables.untypedValue(value));
    }

    @Override
    public TypedValue resolve(String name) {
        TypedValue value = added.isEmpty() ? null : added.get(name);
        if (value != null) {
            return value;
        }
        value = callerVariables.resolve(name);
        if (value instanceof NullValueImpl) {
            return Variables.untypedNullValue(value.isTransient());
        }
        if (value == null && callerVariables.containsVariable(name)) {
            // listed but unresolvable: the copy held the untyped null for it
            return Variables.untypedNullValue();
        }
        return value;
    }

    @Override
    public boolean containsVariable(String name) {
        return added.containsKey(name) || callerVariables.containsVariable(name);
    }

    @Override
    public Set<String> keySet() {
        Set<String> keys = new LinkedHashSet<>(callerVariables.keySet());
        keys.addAll(added.keySet());
        return keys;
    }
}
