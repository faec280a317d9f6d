package fr.aptic.qualification.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The measuring side of {@link DecisionBenchmark}, run in a child JVM per variant: evaluates every input once
 * and writes the results, warms up, then counts evaluations in one-second rounds on a single thread.
 */
final class BenchmarkChild {

    static final String RESULT_PREFIX = "BENCH-RESULT ";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BenchmarkChild() {}

    static void run(BenchmarkVariant variant, Path model, String decisionKey, Path resultsFile, Settings settings)
            throws IOException {
        System.out.println("FEEL engine jar: " + jarOf(org.camunda.feel.FeelEngine.class));
        DmnEngine engine = variant.engine();
        System.out.println("FEEL engine: "
                + ((DefaultDmnEngineConfiguration) engine.getConfiguration())
                        .getFeelEngine()
                        .getClass()
                        .getName());
        DmnDecision decision;
        try (InputStream in = Files.newInputStream(model)) {
            decision = engine.parseDecision(decisionKey, in);
        }
        List<VariableMap> inputs = BenchmarkInputs.generate(settings.inputs(), settings.seed());

        List<String> results = new ArrayList<>(inputs.size());
        for (VariableMap input : inputs) {
            results.add(render(engine.evaluateDecision(decision, input)));
        }
        Files.write(resultsFile, results);
        System.out.println("outcomes: " + summary(results));

        long sink = loop(engine, decision, inputs, settings.warmupSeconds() * 1_000_000_000L)[2];
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int round = 0; round < Math.max(1, settings.measureSeconds()); round++) {
            long[] counted = loop(engine, decision, inputs, 1_000_000_000L);
            wall.add(counted[0] * 1e9 / counted[1]);
            cpu.add(counted[0] * 1e9 / Math.max(1, counted[3]));
            sink += counted[2];
        }
        System.out.printf(
                "rounds (eval/s, wall clock): %s  [%d result rows]%n",
                wall.stream().map(r -> String.format("%,.0f", r)).collect(Collectors.joining(" ")), sink);
        System.out.println(RESULT_PREFIX + median(wall) + " " + max(wall) + " " + median(cpu));
    }

    // {evaluations, elapsed wall nanos, result rows, elapsed thread CPU nanos}; clock read every 64 evaluations
    private static long[] loop(DmnEngine engine, DmnDecision decision, List<VariableMap> inputs, long nanos) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + nanos;
        long evaluations = 0;
        long rows = 0;
        int i = 0;
        long now;
        do {
            for (int k = 0; k < 64; k++) {
                rows += engine.evaluateDecision(decision, inputs.get(i)).size();
                i = i + 1 == inputs.size() ? 0 : i + 1;
            }
            evaluations += 64;
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {evaluations, now - start, rows, THREADS.getCurrentThreadCpuTime() - cpuStart};
    }

    /** One line per evaluation: each result row's outputs with their Java types. */
    static String render(DmnDecisionResult result) {
        StringBuilder line = new StringBuilder();
        for (DmnDecisionResultEntries entries : result) {
            line.append('{');
            entries.getEntryMapTyped()
                    .forEach((name, value) -> line.append(name)
                            .append('=')
                            .append(value.getValue())
                            .append(':')
                            .append(
                                    value.getValue() == null
                                            ? "null"
                                            : value.getValue().getClass().getSimpleName())
                            .append(' '));
            line.append('}');
        }
        return line.toString();
    }

    private static String summary(List<String> results) {
        Map<String, Long> counts =
                results.stream().collect(Collectors.groupingBy(r -> r, LinkedHashMap::new, Collectors.counting()));
        return counts.size() + " distinct outcomes; most frequent: "
                + counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(2)
                        .map(e -> e.getValue() + " x " + e.getKey())
                        .collect(Collectors.joining(", "));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String jarOf(Class<?> type) {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath())
                .getFileName()
                .toString();
    }

    /** What to measure, passed from the parent JVM as system properties. */
    record Settings(int inputs, long seed, int warmupSeconds, int measureSeconds) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.inputs", 10_000),
                    Long.getLong("bench.seed", 20_240_601L),
                    Integer.getInteger("bench.warmupSeconds", 10),
                    Integer.getInteger("bench.measureSeconds", 10));
        }
    }
}
