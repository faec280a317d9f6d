package fr.aptic.qualification.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole decisions give the same results, failures and evaluation events (what history records) on
 * {@link FastFeel#dmnEngine()} as on Camunda's stock DMN engine, over 800 generated inputs, odd ones
 * included (nulls, missing variables, wrong types).
 */
class FastDmnEngineEquivalenceTest {

    /** One engine and the events its listener saw. */
    private record Engine(DmnEngine engine, List<DmnDecisionEvaluationEvent> events) {

        static Engine of(DefaultDmnEngineConfiguration configuration) {
            List<DmnDecisionEvaluationEvent> events = new ArrayList<>();
            configuration.customPostDecisionEvaluationListeners(List.of(events::add));
            return new Engine(configuration.buildEngine(), events);
        }

        List<DmnDecision> parse(String resource) throws Exception {
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                return engine.parseDecisions(in);
            }
        }

        String evaluate(DmnDecision decision, VariableMap variables) {
            events.clear();
            String outcome = outcome(() -> DecisionRendering.result(engine.evaluateDecision(decision, variables)));
            return outcome + "\n"
                    + events.stream().map(DecisionRendering::event).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feel/feel-features.dmn", "/bench/sample-eligibility.dmn"})
    void evaluatesEveryDecisionAsStock(String resource) throws Exception {
        Engine stock =
                Engine.of((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        Engine fast = Engine.of(FastFeel.dmnEngineConfiguration());
        List<DmnDecision> stockDecisions = stock.parse(resource);
        List<DmnDecision> fastDecisions = fast.parse(resource);
        SplittableRandom random = new SplittableRandom(42);
        List<String> mismatches = new ArrayList<>();
        int failures = 0;

        for (int i = 0; i < 800; i++) {
            VariableMap variables = variables(random);
            for (int d = 0; d < stockDecisions.size(); d++) {
                String expected = stock.evaluate(stockDecisions.get(d), variables);
                // twice: the first evaluation parses and keeps, the second reuses
                String actual = fast.evaluate(fastDecisions.get(d), variables);
                String again = fast.evaluate(fastDecisions.get(d), variables);
                failures += expected.startsWith("failed") ? 1 : 0;
                if (!actual.equals(expected) || !again.equals(expected)) {
                    mismatches.add(stockDecisions.get(d).getKey() + " with " + variables + "\nstock: " + expected
                            + "\nfast:  " + actual + "\nagain: " + again);
                }
            }
        }

        assertThat(mismatches).isEmpty();
        if (resource.contains("features")) {
            assertThat(failures).as("some inputs must exercise failures").isPositive();
        }
    }

    @Test
    void oneEngineServesSeveralThreadsAsStockServesOne() throws Exception {
        DmnEngine stock =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnEngine fast = FastFeel.dmnEngine();
        DmnDecision stockDecision = parse(stock, "feel-features");
        DmnDecision fastDecision = parse(fast, "feel-features");
        SplittableRandom random = new SplittableRandom(7);
        List<VariableMap> inputs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            VariableMap variables = variables(random);
            inputs.add(variables);
            expected.add(outcome(() -> DecisionRendering.result(stock.evaluateDecision(stockDecision, variables))));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> mismatches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 75;
                mismatches.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        for (int k = 0; k < inputs.size(); k++) {
                            int i = (k + offset) % inputs.size();
                            String actual = outcome(
                                    () -> DecisionRendering.result(fast.evaluateDecision(fastDecision, inputs.get(i))));
                            if (!actual.equals(expected.get(i))) {
                                wrong.add(inputs.get(i) + ": " + actual + " instead of " + expected.get(i));
                            }
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> wrong : mismatches) {
                assertThat(wrong.get(2, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static DmnDecision parse(DmnEngine engine, String key) throws Exception {
        try (InputStream in = FastDmnEngineEquivalenceTest.class.getResourceAsStream("/feel/feel-features.dmn")) {
            return engine.parseDecision(key, in);
        }
    }

    private static String outcome(Supplier<String> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            return "failed " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static VariableMap variables(SplittableRandom random) {
        VariableMap variables = Variables.createVariables();
        put(variables, random, "siretValid", true, false, null, "yes");
        put(variables, random, "applicationDate", "2020-06-01", "2022-01-01", "2021-01-01", "bad", null);
        put(variables, random, "placesInFrance", 0, 1, 3, 4, null, 2L, "3");
        put(variables, random, "services", List.of(), List.of("a", "b"), null);
        put(variables, random, "hours", 0, 9, 10, 15, 19, 20, 35, 101, 150, null, 12.5, (short) 12);
        put(variables, random, "volunteers", 0, 1, 3, 6, 10, null);
        put(variables, random, "supervised", 0, 1, 2, 3, 4, 10, null);
        put(variables, random, "structureName", "Association X", "Mairie", "CCAS", "x", "", null);
        put(variables, random, "siretPublic", true, false);
        put(variables, random, "homePlaces", 0, 1, 2);
        return variables;
    }

    // each variable is sometimes missing altogether
    private static void put(VariableMap variables, SplittableRandom random, String name, Object... values) {
        int pick = random.nextInt(values.length + 1);
        if (pick < values.length) {
            variables.putValue(name, values[pick]);
        }
    }
}
