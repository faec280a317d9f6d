package fr.aptic.qualification.system.feel;

import camundajar.impl.scala.collection.immutable.List;
import java.time.LocalDate;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.syntaxtree.ClosedConstRangeBoundary;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstDate;
import org.camunda.feel.syntaxtree.ConstList;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstRange;
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

/**
 * Builds {@link FastPath}s for the shapes decision tables are mostly made of: literals, a variable's name,
 * {@code -}, comparisons and intervals of numbers and dates, equality with a literal or a variable,
 * {@code date(x)}, {@code count(x)} and {@code count(x[item != null])}, {@code []}.
 *
 * <p>Each shortcut reproduces feel-scala 1.19's interpreter with the default value mappers (Java and
 * default) on the values {@link FeelValues} knows; any other value, a missing variable, a null or a mix of
 * types falls back to the interpreter, which then gives the stock answer, errors included. Literals are
 * evaluated once, by the interpreter itself. Built-in functions come before custom ones of the same name
 * in feel-scala, so {@code date} and {@code count} are always the built-in ones.
 */
final class FastPaths {

    private final Function<Exp, Object> literalValue;

    /** @param literalValue a literal evaluated by the interpreter and unpacked as the engine returns it */
    FastPaths(Function<Exp, Object> literalValue) {
        this.literalValue = literalValue;
    }

    /** A shortcut for an expression, or null. */
    FastPath expression(Exp exp) {
        if (isLiteral(exp) || exp instanceof ConstList list && list.items().isEmpty()) {
            // an immutable value (`[]` is an unmodifiable empty list): shared by every evaluation
            Object value = literalValue.apply(exp);
            return (variables, inputVariable) -> value;
        }
        String name = variableName(exp);
        if (name != null) {
            return (variables, inputVariable) -> FeelValues.read(variables, name);
        }
        String dated = argumentOf(exp, "date");
        if (dated != null) {
            return (variables, inputVariable) -> FeelValues.read(variables, dated) instanceof String text
                    ? FeelValues.date(text)
                    : FastPath.FALLBACK;
        }
        String counted = argumentOf(exp, "count");
        if (counted != null) {
            return (variables, inputVariable) -> FeelValues.count(variables, counted, false);
        }
        String countedWithoutNulls = countedWithoutNulls(exp);
        if (countedWithoutNulls != null) {
            return (variables, inputVariable) -> FeelValues.count(variables, countedWithoutNulls, true);
        }
        return null;
    }

    /** A shortcut for unary tests, or null. */
    FastPath unaryTests(Exp exp) {
        if (exp instanceof ConstBool bool) {
            // `-`, any input
            Boolean value = bool.value();
            return (variables, inputVariable) -> value;
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
            return comparison(operand(test.x()), order -> order < 0);
        }
        if (exp instanceof InputLessOrEqual test) {
            return comparison(operand(test.x()), order -> order <= 0);
        }
        if (exp instanceof InputGreaterThan test) {
            return comparison(operand(test.x()), order -> order > 0);
        }
        if (exp instanceof InputGreaterOrEqual test) {
            return comparison(operand(test.x()), order -> order >= 0);
        }
        if (exp instanceof InputInRange test) {
            return interval(test.range());
        }
        return null;
    }

    private static FastPath equality(Operand operand) {
        if (operand == null) {
            return null;
        }
        return (variables, inputVariable) -> {
            Integer order =
                    FeelValues.compare(FeelValues.input(variables, inputVariable), operand.value(variables), true);
            return order == null ? FastPath.FALLBACK : order == 0;
        };
    }

    private static FastPath comparison(Operand operand, OrderTest accepts) {
        if (operand == null) {
            return null;
        }
        return (variables, inputVariable) -> {
            Integer order =
                    FeelValues.compare(FeelValues.input(variables, inputVariable), operand.value(variables), false);
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
        boolean endClosed = range.end() instanceof ClosedConstRangeBoundary;
        return (variables, inputVariable) -> {
            Object input = FeelValues.input(variables, inputVariable);
            Integer fromStart = FeelValues.compare(input, start.value(variables), false);
            Integer toEnd = FeelValues.compare(input, end.value(variables), false);
            if (fromStart == null || toEnd == null) {
                return FastPath.FALLBACK;
            }
            return (startClosed ? fromStart >= 0 : fromStart > 0) && (endClosed ? toEnd <= 0 : toEnd < 0);
        };
    }

    /** A comparison operand: a literal or a variable. */
    private interface Operand {

        Object value(VariableContext variables);

        default Operand refusing(Class<?> type) {
            return variables -> {
                Object value = value(variables);
                return type.isInstance(value) ? FastPath.FALLBACK : value;
            };
        }
    }

    private static Operand operand(Exp exp) {
        if (exp instanceof ConstNumber number) {
            // compared by value, as FEEL does
            Object value = FeelValues.numberLiteral(number.value().bigDecimal());
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
        String name = variableName(exp);
        if (name != null) {
            return variables -> FeelValues.read(variables, name);
        }
        return null;
    }

    private static boolean isLiteral(Exp exp) {
        return exp instanceof ConstNumber
                || exp instanceof ConstDate
                || exp instanceof ConstString
                || exp instanceof ConstBool
                || exp == ConstNull$.MODULE$;
    }

    // function(x), x a variable
    private static String argumentOf(Exp exp, String function) {
        if (exp instanceof FunctionInvocation call
                && call.function().equals(function)
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 1) {
            return variableName(params.params().head());
        }
        return null;
    }

    // count(x[item != null]), x a variable
    private static String countedWithoutNulls(Exp exp) {
        if (exp instanceof FunctionInvocation call
                && call.function().equals("count")
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 1
                && params.params().head() instanceof Filter filter
                && filter.filter() instanceof Not not
                && not.x() instanceof Equal equal
                && "item".equals(variableName(equal.x()))
                && equal.y() == ConstNull$.MODULE$) {
            return variableName(filter.list());
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

    @FunctionalInterface
    private interface OrderTest {
        boolean test(int order);
    }
}
