package fr.aptic.qualification.system.feel;

import camundajar.impl.scala.collection.immutable.List;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.syntaxtree.ClosedConstRangeBoundary;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstDate;
import org.camunda.feel.syntaxtree.ConstList;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstRange;
import org.camunda.feel.syntaxtree.ConstRangeBoundary;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Equal;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.InputEqualTo;
import org.camunda.feel.syntaxtree.InputGreaterOrEqual;
import org.camunda.feel.syntaxtree.InputGreaterThan;
import org.camunda.feel.syntaxtree.InputInRange;
import org.camunda.feel.syntaxtree.InputLessOrEqual;
import org.camunda.feel.syntaxtree.InputLessThan;
import org.camunda.feel.syntaxtree.Not;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.UnaryTestExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValDate;

/**
 * Builds {@link FastPath}s for the shapes decision tables are mostly made of: literals, a variable's name,
 * {@code -}, comparisons and intervals of numbers and dates, equality with a literal or a variable.
 *
 * <p>Each shortcut reproduces feel-scala 1.19's interpreter with the default value mappers (Java and
 * default), on values of type Integer, Long or Short (numbers, which FEEL returns as Long), Boolean, String
 * and LocalDate only; any other value, a missing variable, a null or a mix of types falls back to the
 * interpreter, which then gives the stock answer, errors included. Literals are evaluated once, by the
 * interpreter itself.
 */
final class FastPaths {

    private final Function<Exp, Object> constantValue;
    private final Function<Exp, Val> constantVal;
    private final Function<String, Val> dateFunction;

    /**
     * @param constantVal evaluates a closed expression (no variables) with the interpreter
     * @param constantValue the same, unpacked to a Java value as the engine returns it
     * @param dateFunction the built-in {@code date(from)} function applied to a string
     */
    FastPaths(Function<Exp, Val> constantVal, Function<Exp, Object> constantValue, Function<String, Val> dateFunction) {
        this.constantVal = constantVal;
        this.constantValue = constantValue;
        this.dateFunction = dateFunction;
    }

    /** A shortcut for an expression, or null. */
    FastPath expression(Exp exp) {
        if (isLiteral(exp)) {
            return constant(constantValue.apply(exp));
        }
        String name = variableName(exp);
        if (name != null) {
            return (variables, inputVariable) -> normalized(variables, name);
        }
        String dateOf = dateOfVariable(exp);
        if (dateOf != null) {
            return (variables, inputVariable) ->
                    normalized(variables, dateOf) instanceof String text ? dateOf(text) : FastPath.FALLBACK;
        }
        if (exp instanceof ConstList list && list.items().isEmpty()) {
            // `[]`: an unmodifiable empty list, which can be shared
            return constant(constantValue.apply(exp));
        }
        String counted = countedList(exp);
        if (counted != null) {
            boolean withoutNulls = !(((FunctionInvocation) exp).params() instanceof PositionalFunctionParameters p
                    && p.params().head() instanceof Ref);
            return (variables, inputVariable) -> count(variables, counted, withoutNulls);
        }
        return null;
    }

    /**
     * The built-in {@code date(from)} on a plain {@code yyyy-MM-dd} string: feel-scala parses it with a
     * strict resolver, so it is {@code LocalDate.of(y, m, d)}, or an error where that refuses the date (then,
     * and for other forms, the interpreter answers).
     */
    private static Object dateOf(String text) {
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
    private static Object count(VariableContext variables, String name, boolean withoutNulls) {
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

    // count(x) or count(x[item != null]), x a variable; the built-in `count` comes before any custom one
    private static String countedList(Exp exp) {
        if (!(exp instanceof FunctionInvocation call
                && call.function().equals("count")
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 1)) {
            return null;
        }
        Exp argument = params.params().head();
        if (argument instanceof Filter filter
                && filter.filter() instanceof Not not
                && not.x() instanceof Equal equal
                && "item".equals(variableName(equal.x()))
                && equal.y() == ConstNull$.MODULE$) {
            argument = filter.list();
        }
        return variableName(argument);
    }

    /** A shortcut for unary tests, or null. */
    FastPath unaryTests(Exp exp) {
        if (exp instanceof ConstBool bool) {
            // `-`, any input
            return constant(bool.value());
        }
        if (exp instanceof InputEqualTo test) {
            return equality(operand(test.x()));
        }
        if (exp instanceof UnaryTestExpression test && !(test.exp() instanceof ConstBool)) {
            // a literal or a variable the input must equal (a variable holding a boolean has other rules)
            Operand operand = operand(test.exp());
            return operand == null ? null : equality(operand.refusing(Boolean.class));
        }
        if (exp instanceof InputLessThan test) {
            return comparison(operand(test.x()), c -> c < 0);
        }
        if (exp instanceof InputLessOrEqual test) {
            return comparison(operand(test.x()), c -> c <= 0);
        }
        if (exp instanceof InputGreaterThan test) {
            return comparison(operand(test.x()), c -> c > 0);
        }
        if (exp instanceof InputGreaterOrEqual test) {
            return comparison(operand(test.x()), c -> c >= 0);
        }
        if (exp instanceof InputInRange test) {
            return interval(test.range());
        }
        return null;
    }

    private static FastPath constant(Object value) {
        return (variables, inputVariable) -> value;
    }

    private FastPath equality(Operand operand) {
        if (operand == null) {
            return null;
        }
        return (variables, inputVariable) -> {
            Object input = input(variables, inputVariable);
            Object other = operand.value(variables);
            Integer order = compare(input, other, true);
            return order == null ? FastPath.FALLBACK : order == 0;
        };
    }

    private FastPath comparison(Operand operand, IntPredicate accepts) {
        if (operand == null) {
            return null;
        }
        return (variables, inputVariable) -> {
            Object input = input(variables, inputVariable);
            Integer order = compare(input, operand.value(variables), false);
            return order == null ? FastPath.FALLBACK : accepts.test(order);
        };
    }

    private FastPath interval(ConstRange range) {
        Operand start = operand(range.start().value());
        Operand end = operand(range.end().value());
        if (start == null || end == null) {
            return null;
        }
        boolean startClosed = range.start() instanceof ClosedConstRangeBoundary;
        boolean endClosed = isClosed(range.end());
        return (variables, inputVariable) -> {
            // the interpreter evaluates both ends before the input
            Object from = start.value(variables);
            Object to = end.value(variables);
            Object input = input(variables, inputVariable);
            Integer fromOrder = compare(input, from, false);
            Integer toOrder = compare(input, to, false);
            if (fromOrder == null || toOrder == null) {
                return FastPath.FALLBACK;
            }
            boolean afterStart = startClosed ? fromOrder >= 0 : fromOrder > 0;
            boolean beforeEnd = endClosed ? toOrder <= 0 : toOrder < 0;
            return afterStart && beforeEnd;
        };
    }

    private static boolean isClosed(ConstRangeBoundary boundary) {
        return boundary instanceof ClosedConstRangeBoundary;
    }

    /** A comparison operand: a literal, a date literal or a variable. */
    private interface Operand {

        Object value(VariableContext variables);

        default Operand refusing(Class<?> type) {
            return variables -> {
                Object value = value(variables);
                return type.isInstance(value) ? FastPath.FALLBACK : value;
            };
        }
    }

    private Operand operand(Exp exp) {
        if (exp instanceof ConstNumber number) {
            // compared by value, as FEEL does: a whole literal compares as a long, without allocating
            BigDecimal literal = number.value().bigDecimal();
            Object value = isLong(literal) ? (Object) literal.longValueExact() : literal;
            return variables -> value;
        }
        if (exp instanceof ConstString string) {
            String value = string.value();
            return variables -> value;
        }
        if (exp instanceof ConstBool bool) {
            Boolean value = bool.value();
            return variables -> value;
        }
        if (exp instanceof ConstDate date) {
            // the parser reads date("2021-01-01") as a date literal
            LocalDate value = date.value();
            return variables -> value;
        }
        if (isDateLiteral(exp) && constantVal.apply(exp) instanceof ValDate date) {
            LocalDate value = date.value();
            return variables -> value;
        }
        String name = variableName(exp);
        if (name != null) {
            return variables -> normalized(variables, name);
        }
        return null;
    }

    private static boolean isLong(BigDecimal number) {
        try {
            number.longValueExact();
            return true;
        } catch (ArithmeticException notALong) {
            return false;
        }
    }

    private static boolean isLiteral(Exp exp) {
        return exp instanceof ConstNumber
                || exp instanceof ConstDate
                || exp instanceof ConstString
                || exp instanceof ConstBool
                || exp == ConstNull$.MODULE$;
    }

    // date("2021-01-01"): the built-in function, which comes before any custom one, on a literal
    private static boolean isDateLiteral(Exp exp) {
        return exp instanceof FunctionInvocation call
                && call.function().equals("date")
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 1
                && params.params().head() instanceof ConstString;
    }

    // date(x), x a variable; the built-in `date` comes before any custom function of that name
    private static String dateOfVariable(Exp exp) {
        if (exp instanceof FunctionInvocation call
                && call.function().equals("date")
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 1) {
            return variableName(params.params().head());
        }
        return null;
    }

    private static String variableName(Exp exp) {
        if (exp instanceof Ref ref) {
            List<String> names = ref.names();
            return names.length() == 1 ? names.head() : null;
        }
        return null;
    }

    /**
     * The input value as FEEL sees it, normalized, or FALLBACK. The stock engine names the input variable
     * through {@code inputVariableName}, which it answers itself: a variable of that very name, or none,
     * takes the interpreter's road.
     */
    private static Object input(VariableContext variables, String inputVariable) {
        if (inputVariable == null || inputVariable.equals(InputVariableContext.INPUT_VARIABLE_NAME)) {
            return FastPath.FALLBACK;
        }
        return normalized(variables, inputVariable);
    }

    /**
     * A variable's value as FEEL returns it: Java's Integer, Long and Short as Long; Boolean, String and
     * LocalDate as they are; any other value, null or a missing variable: FALLBACK.
     */
    private static Object normalized(VariableContext variables, String name) {
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
     * Sign of input compared to other, or null when the shortcut does not apply: FEEL orders numbers and
     * dates, and tests equality of those, booleans and strings.
     */
    private static Integer compare(Object input, Object other, boolean equality) {
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

    @FunctionalInterface
    private interface IntPredicate {
        boolean test(int order);
    }
}
