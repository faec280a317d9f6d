package fr.aptic.qualification.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts taken for literals, names, comparisons and intervals give what the stock engine gives, for
 * every combination of value types around the ones they handle (the others must fall back).
 */
class FastPathEquivalenceTest {

    private static final FeelEngine STOCK = new ScalaFeelEngineFactory().createInstance();
    private static final FeelEngine FAST = new FastFeelEngineFactory().createInstance();
    private static final Object MISSING = new Object();

    private static final List<Object> VALUES = Arrays.asList(
            5,
            5L,
            (short) 5,
            (byte) 5,
            6,
            -3,
            0,
            Integer.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            5.0,
            5.5,
            Double.NaN,
            new BigDecimal("5"),
            new BigDecimal("5.00"),
            "5",
            "x",
            "",
            true,
            false,
            null,
            MISSING,
            LocalDate.of(2020, 6, 1),
            LocalDate.of(2021, 1, 1),
            "2020-06-01",
            "2021-02-30",
            "+12020-06-01",
            "12020-06-01",
            "-2020-06-01",
            "0000-01-01",
            "2020-6-01",
            "2020-06-1x",
            "2020/06/01",
            "2020-13-01",
            "2020-02-29",
            "2019-02-29",
            " 2020-06-01",
            LocalDateTime.of(2020, 6, 1, 0, 0),
            List.of(5),
            List.of(),
            Arrays.asList("a", null, "_", "b"),
            Arrays.asList(null, null),
            Arrays.asList("b", "a", null, "b", "a"),
            List.of("SCORE_TOO_LOW"),
            List.of(1, 2L, (short) 3, true),
            List.of(5.5),
            Arrays.asList(Double.NaN, 1),
            List.of(LocalDate.of(2020, 1, 1)),
            List.of(Map.of("item", 1)),
            Map.of("a", 5));

    private static final List<String> UNARY_TESTS = List.of(
            "-",
            " - ",
            "5",
            "5.0",
            "6",
            "-3",
            "\"5\"",
            "\"x\"",
            "true",
            "false",
            "< 6",
            "<= 5",
            "> 5",
            ">= 5.5",
            "< 9223372036854775807",
            "> 9223372036854775808",
            "[1..5]",
            "[1..5)",
            "(5..10]",
            "]4..6[",
            "[5.5..6]",
            "[1..limit)",
            "[limit..10]",
            ">= limit",
            "< limit",
            "limit",
            "< date(\"2021-01-01\")",
            "<= date(\"2020-06-01\")",
            "[date(\"2020-01-01\")..date(\"2020-12-31\")]",
            "date(\"2020-06-01\")",
            "< date(\"2021-02-30\")",
            "[limit..date(\"2021-01-01\")]",
            "null",
            "not(5)",
            "5, 6");

    private static final List<String> EXPRESSIONS = List.of(
            "5",
            "5.0",
            "1.5",
            "-2",
            "\"x\"",
            "true",
            "false",
            "null",
            "limit",
            "date(\"2020-01-01\")",
            "date(limit)",
            "date(nothing)",
            "date(limit, 1)",
            "[]",
            "count(limit)",
            "count(limit[item != null])",
            "count(nothing[item != null])",
            "count(limit[item = null])",
            "[\"SCORE_TOO_LOW\"]",
            "[1, \"a\", null, date(\"2020-01-01\")]",
            "distinct values(limit[item != null])",
            "distinct values(nothing[item != null])",
            "append(distinct values(limit[item != null]), \"SCORE_TOO_LOW\")",
            "append(distinct values(limit[item != null]), 5)",
            "append(distinct values(limit[item = null]), \"x\")");

    @Test
    void unaryTestShortcutsAnswerAsStockForEveryInputAndVariableType() {
        List<String> mismatches = new ArrayList<>();
        for (String test : UNARY_TESTS) {
            for (Object input : VALUES) {
                for (Object limit : VALUES) {
                    for (String inputVariable : List.of("cellInput", "inputVariableName")) {
                        VariableContext context = context(inputVariable, input, limit);
                        FeelOutcome stock =
                                FeelOutcome.of(() -> STOCK.evaluateSimpleUnaryTests(test, inputVariable, context));
                        FeelOutcome fast =
                                FeelOutcome.of(() -> FAST.evaluateSimpleUnaryTests(test, inputVariable, context));
                        if (!fast.equals(stock)) {
                            mismatches.add("`%s` %s=%s limit=%s: stock %s, fast %s"
                                    .formatted(test, inputVariable, describe(input), describe(limit), stock, fast));
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void expressionShortcutsAnswerAsStockForEveryVariableType() {
        List<String> mismatches = new ArrayList<>();
        for (String expression : EXPRESSIONS) {
            for (Object limit : VALUES) {
                VariableContext context = context("cellInput", MISSING, limit);
                FeelOutcome stock = FeelOutcome.of(() -> STOCK.evaluateSimpleExpression(expression, context));
                FeelOutcome fast = FeelOutcome.of(() -> FAST.evaluateSimpleExpression(expression, context));
                if (!fast.equals(stock)) {
                    mismatches.add(
                            "`%s` limit=%s: stock %s, fast %s".formatted(expression, describe(limit), stock, fast));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static VariableContext context(String inputVariable, Object input, Object limit) {
        VariableMap variables = Variables.createVariables().putValue("inputVariableName", inputVariable);
        if (input != MISSING) {
            variables.putValue(inputVariable, input);
        }
        if (limit != MISSING) {
            variables.putValue("limit", limit);
        }
        return variables.asVariableContext();
    }

    private static String describe(Object value) {
        if (value == MISSING) {
            return "<missing>";
        }
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
