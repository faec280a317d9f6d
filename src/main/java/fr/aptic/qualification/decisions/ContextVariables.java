package fr.aptic.qualification.decisions;

import camundajar.impl.scala.None$;
import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.context.VariableProvider;

/**
 * A decision's variables seen by FEEL: the same answers as Camunda's {@code ContextVariableWrapper}, with
 * one lookup instead of two for a variable that exists.
 */
class ContextVariables implements VariableProvider {

    private final VariableContext context;

    ContextVariables(VariableContext context) {
        this.context = context;
    }

    @Override
    public Option<Object> getVariable(String name) {
        TypedValue typedValue = context.resolve(name);
        if (typedValue != null) {
            return new Some<>(typedValue.getValue());
        }
        if (context.containsVariable(name)) {
            // present but unresolvable: fail exactly as the stock wrapper does
            throw new NullPointerException("variable '" + name + "' resolves to no typed value");
        }
        return noValue();
    }

    @Override
    public Iterable<String> keys() {
        return CollectionConverters.asScala(context.keySet());
    }

    @SuppressWarnings("unchecked")
    static Option<Object> noValue() {
        return (Option<Object>) (Option<?>) None$.MODULE$;
    }
}
