package fr.aptic.qualification.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** One cached parse serves any variables, types, input variable names and threads, as a fresh parse would. */
class FastFeelEngineCacheSafetyTest {

    private static final FeelEngine STOCK = new ScalaFeelEngineFactory().createInstance();

    /** One evaluation: a text, its kind, and the variables it runs against. */
    record Case(String text, String inputVariable, Map<String, Object> variables) {

        static Case expression(String text, Map<String, Object> variables) {
            return new Case(text, null, variables);
        }

        static Case unaryTests(String text, String inputVariable, Map<String, Object> variables) {
            return new Case(text, inputVariable, variables);
        }

        FeelOutcome evaluate(FeelEngine engine) {
            VariableContext context = Variables.fromMap(variables).asVariableContext();
            return inputVariable == null
                    ? FeelOutcome.of(() -> engine.evaluateSimpleExpression(text, context))
                    : FeelOutcome.of(() -> engine.evaluateSimpleUnaryTests(text, inputVariable, context));
        }
    }

    static List<Case> cases() {
        return List.of(
                Case.expression("x + y", Map.of("x", 1, "y", 2)),
                Case.expression("x + y", Map.of("x", 1.5, "y", 2L)),
                Case.expression("x + y", Map.of("x", "a", "y", "b")),
                Case.expression("x + y", Map.of("x", LocalDate.of(2020, 1, 31), "y", Period.ofMonths(1))),
                Case.expression("x + y", Map.of("x", Duration.ofHours(1), "y", Duration.ofMinutes(30))),
                Case.expression("x + y", Map.of("x", 1, "y", "b")),
                Case.expression("x + y", Map.of("x", 1)),
                Case.expression("x[1]", Map.of("x", List.of("first", "second"))),
                Case.expression("x[1]", Map.of("x", "not a list")),
                Case.expression("x.a", Map.of("x", Map.of("a", 42))),
                Case.expression("count(x)", Map.of("x", List.of(1, 2, 3))),
                Case.expression("date(x) + duration(\"P1D\")", Map.of("x", "2020-02-28")),
                Case.expression("date(x) + duration(\"P1D\")", Map.of("x", "2021-02-28")),
                Case.unaryTests("< 10", "a", Map.of("inputVariableName", "a", "a", 5)),
                Case.unaryTests("< 10", "a", Map.of("inputVariableName", "a", "a", 50)),
                Case.unaryTests("< 10", "b", Map.of("b", 5, "a", 50)),
                Case.unaryTests("< 10", "a", Map.of("b", 5, "a", 50)),
                Case.unaryTests("< 10", "cellInput", Map.of("cellInput", "text")),
                Case.unaryTests("< 10", "cellInput", Map.of("cellInput", 9.99)),
                Case.unaryTests("< limit", "v", Map.of("v", 3, "limit", 4)),
                Case.unaryTests(
                        "< limit", "v", Map.of("v", LocalDate.of(2020, 1, 1), "limit", LocalDate.of(2019, 1, 1))),
                Case.unaryTests("\"A\", \"B\"", "v", Map.of("v", "B")),
                Case.unaryTests("\"A\", \"B\"", "v", Map.of("v", "C")),
                Case.unaryTests("? > 3", "v", Map.of("v", 4)),
                Case.unaryTests("? > 3", "w", Map.of("w", 2, "v", 4)),
                Case.unaryTests("date(?) < date(\"2021-01-01\")", "d", Map.of("d", "2020-12-31")),
                Case.unaryTests("date(?) < date(\"2021-01-01\")", "d", Map.of("d", "2021-01-01")));
    }

    @Test
    void sameTextWithOtherVariablesGivesWhatStockGives() {
        FeelEngine fast = new FastFeelEngineFactory().createInstance();

        for (Case c : cases()) {
            assertThat(c.evaluate(fast)).as(c.toString()).isEqualTo(c.evaluate(STOCK));
        }
    }

    @Test
    void severalThreadsSharingOneEngineGetWhatStockGives() throws Exception {
        FeelEngine fast = new FastFeelEngineFactory().createInstance();
        List<Case> cases = cases();
        List<FeelOutcome> expected = cases.stream().map(c -> c.evaluate(STOCK)).toList();
        int threads = 8;
        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3_000; i++) {
                        int pick = ThreadLocalRandom.current().nextInt(cases.size());
                        FeelOutcome outcome = cases.get(pick).evaluate(fast);
                        if (!outcome.equals(expected.get(pick))) {
                            mismatches.add(cases.get(pick) + " gave " + outcome);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(mismatches).isEmpty();
    }

    @Test
    void keepsNoMoreParsedTextsThanItsBoundAndStillEvaluatesEvictedOnes() {
        FastFeelEngine fast = (FastFeelEngine) new FastFeelEngineFactory(List::of, 16).createInstance();
        VariableContext context = Variables.createVariables().putValue("n", 1).asVariableContext();

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 100; i++) {
                Object sum = fast.evaluateSimpleExpression("n + " + i, context);
                assertThat(sum).isEqualTo(1L + i);
            }
        }

        assertThat(fast.cachedTexts()).isLessThanOrEqualTo(16);
    }

    @Test
    void reportsAnUnparsableTextAgainWithTheStockMessage() {
        FeelEngine fast = new FastFeelEngineFactory().createInstance();
        Case broken = Case.expression("x +", Map.of("x", 1));

        FeelOutcome first = broken.evaluate(fast);
        FeelOutcome second = broken.evaluate(fast);

        assertThat(first.failure()).contains("failed to parse expression 'x +'");
        assertThat(second).isEqualTo(first).isEqualTo(broken.evaluate(STOCK));
    }
}
