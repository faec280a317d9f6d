package fr.aptic.qualification.decisions;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What feel-scala 1.19 makes of a few kinds of Java values, for the {@link FastPath}s: reading, comparing,
 * {@code date(x)}, {@code count(x)}. Each method answers only where that is certain and returns
 * {@link FastPath#FALLBACK} (or null) elsewhere.
 */
final class FeelValues {

    private FeelValues() {}

    /**
     * A variable's value as FEEL returns it: Java's Integer, Long and Short as Long; Boolean, String and
     * LocalDate as they are; any other value, null or a missing variable: FALLBACK.
     */
    static Object read(VariableContext variables, String name) {
        TypedValue typed = variables.resolve(name);
        if (typed == null) {
            return FastPath.FALLBACK;
        }
        Object value = typed.getValue();
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String || value instanceof LocalDate) {
            return value;
        }
        return FastPath.FALLBACK;
    }

    /**
     * A unary test's input value, read as {@link #read}. The stock engine names the input variable through
     * {@code inputVariableName}, which it answers itself: a variable of that very name, or none, takes the
     * interpreter's road.
     */
    static Object input(VariableContext variables, String inputVariable) {
        if (inputVariable == null || inputVariable.equals(InputVariableContext.INPUT_VARIABLE_NAME)) {
            return FastPath.FALLBACK;
        }
        return read(variables, inputVariable);
    }

    /**
     * Sign of input compared to other, or null where a shortcut does not apply: FEEL orders numbers (Long,
     * or BigDecimal literals) and dates, and tests equality of those, booleans and strings.
     */
    static Integer compare(Object input, Object other, boolean equality) {
        if (input == FastPath.FALLBACK || other == FastPath.FALLBACK) {
            return null;
        }
        if (input instanceof Long number) {
            if (other instanceof Long otherNumber) {
                return Long.compare(number, otherNumber);
            }
            if (other instanceof BigDecimal literal) {
                return BigDecimal.valueOf(number).compareTo(literal);
            }
            return null;
        }
        if (input instanceof LocalDate date && other instanceof LocalDate otherDate) {
            return Integer.signum(date.compareTo(otherDate));
        }
        if (!equality) {
            return null;
        }
        if (input instanceof Boolean bool && other instanceof Boolean otherBool) {
            return bool.equals(otherBool) ? 0 : 1;
        }
        if (input instanceof String string && other instanceof String otherString) {
            return string.equals(otherString) ? 0 : 1;
        }
        return null;
    }

    /** A numeric literal as compared: a Long when it is one exactly (no allocation), else the BigDecimal. */
    static Object numberLiteral(BigDecimal literal) {
        try {
            return literal.longValueExact();
        } catch (ArithmeticException notALong) {
            return literal;
        }
    }

    /**
     * The built-in {@code date(from)} on a plain {@code yyyy-MM-dd} string: feel-scala parses it with a
     * strict resolver, so it is {@code LocalDate.of(y, m, d)}, or an error where that refuses the date (then,
     * and for other forms, the interpreter answers).
     */
    static Object date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return FastPath.FALLBACK;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return FastPath.FALLBACK;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException refused) {
            return FastPath.FALLBACK;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * {@code count(x)} or {@code count(x[item != null])} of a list of strings, whole numbers and booleans:
     * its size, less nulls for the filter; other elements (whose FEEL value might be null) fall back. Like
     * feel-scala 1.19, the filter also drops the string "_", its marker for an unfulfilled condition.
     */
    static Object count(VariableContext variables, String name, boolean withoutNulls) {
        TypedValue typed = variables.resolve(name);
        if (typed == null || !(typed.getValue() instanceof java.util.List<?> list)) {
            return FastPath.FALLBACK;
        }
        long count = 0;
        for (Object item : list) {
            if (item == null) {
                count += withoutNulls ? 0 : 1;
            } else if (item instanceof String string) {
                count += withoutNulls && string.equals("_") ? 0 : 1;
            } else if (item instanceof Integer
                    || item instanceof Long
                    || item instanceof Short
                    || item instanceof Boolean) {
                count++;
            } else {
                return FastPath.FALLBACK;
            }
        }
        return count;
    }
}
