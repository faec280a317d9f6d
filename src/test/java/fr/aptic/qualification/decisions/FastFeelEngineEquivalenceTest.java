package fr.aptic.qualification.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every FEEL expression and unary test gives the same value, type or failure as Camunda's stock engine. */
class FastFeelEngineEquivalenceTest {

    private static final FeelEngine STOCK = new ScalaFeelEngineFactory().createInstance();
    private static final FeelEngine FAST = new FastFeelEngineFactory().createInstance();

    static VariableMap variables() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("a", 1);
        context.put("b", "x");
        context.put("nested", Map.of("c", List.of(1, 2)));
        return Variables.createVariables()
                .putValue("n", 5)
                .putValue("l", 10L)
                .putValue("d", 2.5)
                .putValue("big", new BigDecimal("12345678901234567890.125"))
                .putValue("s", "Hello")
                .putValue("yes", true)
                .putValue("applicationDate", "2021-03-15")
                .putValue("localDate", LocalDate.of(2020, 2, 29))
                .putValue("localDateTime", LocalDateTime.of(2021, 3, 15, 10, 30))
                .putValue("zoned", ZonedDateTime.of(2021, 3, 15, 10, 30, 0, 0, ZoneOffset.ofHours(2)))
                .putValue(
                        "javaDate",
                        Date.from(LocalDateTime.of(2021, 3, 15, 10, 30).toInstant(ZoneOffset.UTC)))
                .putValue("items", List.of(1, 2, 3))
                .putValue("names", List.of("b", "a", "c"))
                .putValue("m", context)
                .putValue("nothing", null)
                .putValue("with space", 7);
    }

    static Stream<String> expressions() {
        return Stream.of(
                // numbers
                "n + 1",
                "n * d",
                "n / 2",
                "l - n",
                "-n",
                "n ** 2",
                "10 / 3",
                "decimal(10 / 3, 2)",
                "floor(d)",
                "ceiling(d)",
                "modulo(n, 3)",
                "modulo(-5, 3)",
                "abs(-n)",
                "sqrt(16)",
                "round half up(2.5, 0)",
                "round down(-2.5, 0)",
                "odd(n)",
                "even(n)",
                "big + 1",
                "big * 2",
                "1 / 0",
                "n between 1 and 10",
                "number(\"12.5\")",
                "string(n)",
                "n instance of number",
                "min(3, 1, 2)",
                "log(10)",
                "with space + 1",
                // strings
                "s + \" world\"",
                "s + n",
                "substring(s, 2)",
                "substring(s, 2, 3)",
                "substring(s, -2)",
                "string length(s)",
                "upper case(s)",
                "lower case(s)",
                "contains(s, \"ell\")",
                "starts with(s, \"He\")",
                "ends with(s, \"lo\")",
                "matches(s, \"H.*o\")",
                "replace(s, \"l\", \"L\")",
                "split(\"a,b,c\", \",\")",
                "string join([\"a\", \"b\"], \"-\")",
                "substring before(s, \"l\")",
                "trim(\"  x \")",
                "s = \"Hello\"",
                "s < \"World\"",
                // dates, times, durations
                "date(applicationDate)",
                "date(applicationDate) + duration(\"P1D\")",
                "date(applicationDate) - date(\"2020-01-01\")",
                "date(applicationDate) + duration(\"P1M\")",
                "years and months duration(date(\"2020-01-01\"), date(applicationDate))",
                "date(applicationDate) > date(\"2021-01-01\")",
                "date(applicationDate) >= date(\"2021-03-15\")",
                "date and time(\"2021-03-15T10:00:00\") + duration(\"PT2H\")",
                "day of week(date(applicationDate))",
                "month of year(date(applicationDate))",
                "date(applicationDate).year",
                "localDate + duration(\"P1Y\")",
                "localDate",
                "localDateTime",
                "localDateTime.hour",
                "zoned",
                "zoned.offset",
                "javaDate",
                "javaDate + duration(\"P1D\")",
                "time(\"10:30:00\")",
                "duration(\"P1DT2H\").hours",
                "duration(\"P1Y2M\") + duration(\"P1M\")",
                "last day of month(date(applicationDate))",
                "date(\"2021-02-30\")",
                "date(\"not a date\")",
                "date(2021, 3, 15)",
                "@\"2021-03-15\"",
                "today() = today()",
                "week of year(date(applicationDate))",
                // lists
                "items",
                "count(items)",
                "sum(items)",
                "list contains(items, 2)",
                "list contains(items, 9)",
                "items[1]",
                "items[-1]",
                "items[5]",
                "items[item > 1]",
                "for x in items return x * 2",
                "some x in items satisfies x > 2",
                "every x in items satisfies x > 0",
                "min(items)",
                "max(items)",
                "mean(items)",
                "median(items)",
                "append(items, 4)",
                "concatenate(items, [4, 5])",
                "distinct values([1, 1, 2])",
                "sort(names, function(x, y) x < y)",
                "index of(items, 2)",
                "reverse(items)",
                "flatten([[1], [2, [3]]])",
                "[1, 2, 3] = items",
                "2 in items",
                "n in [1..10]",
                "sublist(items, 2)",
                "union([1, 2], [2, 3])",
                "all([true, yes])",
                "any([false, yes])",
                "product(items)",
                "insert before(items, 1, 0)",
                "remove(items, 2)",
                "[]",
                "count([])",
                // contexts
                "{a: 1, b: n}",
                "{a: 1}.a",
                "m.a",
                "m.b",
                "m.nested.c",
                "get value(m, \"a\")",
                "get entries({x: 1})",
                "context put({a: 1}, \"b\", 2)",
                "{a: 1, b: a + 1}.b",
                "{a: 1}.z",
                "context merge([{a: 1}, {b: 2}])",
                "{\"with space\": 1}",
                // null and missing
                "nothing",
                "nothing + 1",
                "nothing = null",
                "missing",
                "missing + 1",
                "missing = null",
                "is defined(missing)",
                "is defined(n)",
                "if nothing = null then \"none\" else \"some\"",
                "n > nothing",
                "get or else(nothing, 3)",
                "null",
                // booleans and conditions
                "yes and n > 3",
                "not(yes)",
                "yes or missing",
                "missing and false",
                "if n > 3 then \"big\" else \"small\"",
                "if missing then 1 else 2",
                "n > 3 and s = \"Hello\"",
                // failures
                "1 +",
                "unknownFunction(1)",
                "assert(n, n > 10)",
                "assert(n, n > 10, \"too small\")",
                "n.foo",
                "\"a\" < 1",
                "substring(n, 1)",
                "date(n)",
                "s(1)",
                "{a: }",
                "[1, 2",
                "function(x) x + 1",
                "x + 1");
    }

    static Stream<Arguments> unaryTests() {
        return Stream.of(
                        cases(
                                5,
                                "5",
                                "< 10",
                                ">= 5",
                                "> 5",
                                "[1..5]",
                                "]1..5[",
                                "(1..5]",
                                "1, 5, 7",
                                "not(5)",
                                "not(1, 2)",
                                "-",
                                "? > 3",
                                "? * 2 = 10",
                                "odd(?)",
                                "n",
                                "< n",
                                "<= n",
                                "null",
                                "not(null)",
                                "> \"a\"",
                                "list contains([1, 5], ?)",
                                "[1, 5]",
                                ">= missing",
                                "? in [1..10]",
                                "items",
                                "count(items)",
                                "5.0",
                                "\"5\"",
                                "true",
                                "? = null",
                                "< 1, > 4",
                                "1 +"),
                        cases(
                                "Hello",
                                "\"Hello\"",
                                "\"Hello\", \"World\"",
                                "starts with(?, \"He\")",
                                "not(\"x\")",
                                "< \"Z\"",
                                "s",
                                "string length(?) > 3",
                                "matches(?, \"^H\")",
                                "5",
                                "-"),
                        cases(
                                LocalDate.of(2020, 6, 1),
                                "< date(\"2021-01-01\")",
                                "[date(\"2020-01-01\")..date(\"2020-12-31\")]",
                                "date(\"2020-06-01\")",
                                "? + duration(\"P1D\") > date(\"2020-06-01\")",
                                "> date and time(\"2020-01-01T00:00:00\")",
                                "localDate",
                                "> localDate"),
                        cases(
                                "2020-06-01",
                                "date(?) < date(\"2021-01-01\")",
                                "date(?) >= date(\"2021-01-01\")",
                                "< \"2021-01-01\"",
                                "date(?) > date(applicationDate)"),
                        cases(null, "null", "-", "> 5", "not(null)", "? = null", "5", "\"x\"", "not(5)"),
                        cases(true, "true", "false", "not(true)", "yes", "-", "? and yes"),
                        cases(List.of(1, 2), "list contains(?, 1)", "count(?) = 2", "[1, 2]", "? = [1, 2]"),
                        cases(2.5, "2.5", "[2..3]", "> 2", "floor(?) = 2"))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> cases(Object input, String... tests) {
        return Stream.of(tests).map(test -> Arguments.of(input, test));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void evaluatesExpressionLikeStockEngine(String expression) {
        VariableContext context = variables().asVariableContext();

        FeelOutcome stock = FeelOutcome.of(() -> STOCK.evaluateSimpleExpression(expression, context));
        FeelOutcome fast = FeelOutcome.of(() -> FAST.evaluateSimpleExpression(expression, context));
        FeelOutcome fastAgain = FeelOutcome.of(() -> FAST.evaluateSimpleExpression(expression, context));

        assertThat(fast).isEqualTo(stock);
        assertThat(fastAgain).as("from the cache").isEqualTo(stock);
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @MethodSource("unaryTests")
    void evaluatesUnaryTestLikeStockEngine(Object input, String unaryTests) {
        VariableContext context = Variables.fromMap(variables())
                .putValue("inputVariableName", "cellInput")
                .putValue("cellInput", input)
                .asVariableContext();

        FeelOutcome stock = FeelOutcome.of(() -> STOCK.evaluateSimpleUnaryTests(unaryTests, "cellInput", context));
        FeelOutcome fast = FeelOutcome.of(() -> FAST.evaluateSimpleUnaryTests(unaryTests, "cellInput", context));
        FeelOutcome fastAgain = FeelOutcome.of(() -> FAST.evaluateSimpleUnaryTests(unaryTests, "cellInput", context));

        assertThat(fast).isEqualTo(stock);
        assertThat(fastAgain).as("from the cache").isEqualTo(stock);
    }

    @ParameterizedTest(name = "{1} against input variable {0}")
    @MethodSource("inputVariableNames")
    void readsTheInputVariableNamedByTheDecision(String inputVariable, String unaryTests) {
        // no inputVariableName in the context: the engine must supply it, as stock does
        VariableContext context =
                Variables.fromMap(variables()).putValue(inputVariable, 5).asVariableContext();

        FeelOutcome stock = FeelOutcome.of(() -> STOCK.evaluateSimpleUnaryTests(unaryTests, inputVariable, context));
        FeelOutcome fast = FeelOutcome.of(() -> FAST.evaluateSimpleUnaryTests(unaryTests, inputVariable, context));

        assertThat(fast).isEqualTo(stock);
    }

    static Stream<Arguments> inputVariableNames() {
        return Stream.of("cellInput", "placesInFrance", "x")
                .flatMap(name -> Stream.of("5", "< 3", "? > 3", "-", "null").map(test -> Arguments.of(name, test)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void failsOrSucceedsAsStockWithoutVariables(String expression) {
        VariableContext empty = Variables.emptyVariableContext();

        assertThat(FeelOutcome.of(() -> FAST.evaluateSimpleExpression(expression, empty)))
                .isEqualTo(FeelOutcome.of(() -> STOCK.evaluateSimpleExpression(expression, empty)));
    }
}
