package fr.aptic.qualification.decisions;

import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.syntaxtree.ClosedConstRangeBoundary;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstDate;
import org.camunda.feel.syntaxtree.ConstList;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstRange;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.InputEqualTo;
import org.camunda.feel.syntaxtree.InputGreaterOrEqual;
import org.camunda.feel.syntaxtree.InputGreaterThan;
import org.camunda.feel.syntaxtree.InputInRange;
import org.camunda.feel.syntaxtree.InputLessOrEqual;
import org.camunda.feel.syntaxtree.InputLessThan;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.UnaryTestExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValString;

/**
 * Builds {@link FastPath}s for the shapes decision tables are mostly made of: literals, a variable's name,
 * {@code -}, comparisons and intervals of numbers and dates, equality with a literal or a variable,
 * {@code date(x)}, {@code count(x)} and {@code count(x[item != null])}, lists of literals,
 * {@code distinct values(x[item != null])} of strings, alone or with a string appended.
 *
 * <p>Each shortcut reproduces feel-scala 1.19's interpreter with the default value mappers (Java and
 * default) on the values {@link FeelValues} knows; any other value, a missing variable, a null or a mix of
 * types falls back to the interpreter, which then gives the stock answer, errors included. Literals are
 * evaluated once, by the interpreter itself. Built-in functions come before custom ones of the same name
 * in feel-scala, so {@code date} and {@code count} are always the built-in ones.
 */
final class FastPaths {

    private final Function<Exp, Object> literalValue;
    private final Function<Val, Object> unpack;

    /**
     * @param literalValue a literal evaluated by the interpreter and unpacked as the engine returns it
     * @param unpack the engine's value mapper: a FEEL value as the engine returns it
     */
    FastPaths(Function<Exp, Object> literalValue, Function<Val, Object> unpack) {
        this.literalValue = literalValue;
        this.unpack = unpack;
    }

    /** A shortcut for an expression, or null. */
    FastPath expression(Exp exp) {
        if (FeelShapes.isLiteral(exp)
                || exp instanceof ConstList list && list.items().forall(FeelShapes::isLiteral)) {
            // an immutable value (a list of literals unpacks as an unmodifiable list): shared by every evaluation
            Object value = literalValue.apply(exp);
            return (variables, inputVariable) -> value;
        }
        String name = FeelShapes.variableName(exp);
        if (name != null) {
            return new VariableRead(name);
        }
        String dated = FeelShapes.argumentOf(exp, "date");
        if (dated != null) {
            return (variables, inputVariable) -> FeelValues.read(variables, dated) instanceof String text
                    ? FeelValues.date(text)
                    : FastPath.FALLBACK;
        }
        String counted = FeelShapes.argumentOf(exp, "count");
        if (counted != null) {
            return (variables, inputVariable) -> FeelValues.count(variables, counted, false);
        }
        String countedWithoutNulls = FeelShapes.countedWithoutNulls(exp);
        if (countedWithoutNulls != null) {
            return (variables, inputVariable) -> FeelValues.count(variables, countedWithoutNulls, true);
        }
        String distinct = FeelShapes.distinctWithoutNulls(exp);
        if (distinct != null) {
            return (variables, inputVariable) -> distinctStrings(variables, distinct, null);
        }
        // append(distinct values(x[item != null]), "a string")
        if (exp instanceof FunctionInvocation call
                && call.function().equals("append")
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 2
                && params.params().last() instanceof ConstString appended) {
            String appendedTo = FeelShapes.distinctWithoutNulls(params.params().head());
            String item = appended.value();
            return appendedTo == null
                    ? null
                    : (variables, inputVariable) -> distinctStrings(variables, appendedTo, item);
        }
        return null;
    }

    /**
     * {@code distinct values(x[item != null])}, with {@code appended} after it for {@code append(..., "a")}, of a
     * list of strings and nulls: the strings in order of first appearance, as the list FEEL unpacks. Any other
     * element (and "_", which feel-scala's filter treats apart) falls back.
     */
    private Object distinctStrings(VariableContext variables, String name, String appended) {
        TypedValue typed = variables.resolve(name);
        if (typed == null || !(typed.getValue() instanceof java.util.List<?> list)) {
            return FastPath.FALLBACK;
        }
        Set<String> strings = new LinkedHashSet<>();
        for (Object item : list) {
            if (item == null) {
                continue;
            }
            if (!(item instanceof String string) || string.equals("_")) {
                return FastPath.FALLBACK;
            }
            strings.add(string);
        }
        java.util.List<Val> items = new ArrayList<>(strings.size() + 1);
        for (String string : strings) {
            items.add(new ValString(string));
        }
        if (appended != null) {
            items.add(new ValString(appended));
        }
        return unpack.apply(ValList.apply(CollectionConverters.asScala(items).toList()));
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

    /** The shortcut of an expression that is a variable's name: its value, read as {@link FeelValues#read}. */
    record VariableRead(String name) implements FastPath {
        @Override
        public Object evaluate(VariableContext variables, String inputVariable) {
            return FeelValues.read(variables, name);
        }
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
        String name = FeelShapes.variableName(exp);
        if (name != null) {
            return variables -> FeelValues.read(variables, name);
        }
        return null;
    }

    @FunctionalInterface
    private interface OrderTest {
        boolean test(int order);
    }
}
