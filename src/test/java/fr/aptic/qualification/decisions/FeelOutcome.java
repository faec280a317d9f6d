package fr.aptic.qualification.decisions;

import java.util.function.Supplier;
import org.camunda.feel.syntaxtree.ValFunction;

/** What evaluating one FEEL text gave: a value with its Java type, or an exception with its message. */
record FeelOutcome(Object value, String type, String failure) {

    static FeelOutcome of(Supplier<Object> evaluation) {
        try {
            Object value = evaluation.get();
            String type = value == null ? "null" : value.getClass().getName();
            // a function value is a closure, equal only to itself: compare its signature
            return new FeelOutcome(value instanceof ValFunction ? value.toString() : value, type, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new FeelOutcome(null, null, e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
