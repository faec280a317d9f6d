package fr.aptic.qualification.bench;

import fr.aptic.qualification.system.feel.FastFeel;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * Decision evaluation speed, single thread: stock Camunda 7.24 FEEL, legacy FEEL, feel-scala 1.19.5 without
 * cache, and ours, side by side, each in its own JVM, plus a check that all gave the same results.
 *
 * <p>Run with {@code ./mvnw -Pbench-decisions verify}. Reads {@code dmn/eligibility.dmn} when present,
 * else the four-input stand-in {@code bench/sample-eligibility.dmn}. Tunable with system properties
 * {@code bench.inputs}, {@code bench.warmupSeconds}, {@code bench.measureSeconds}, {@code bench.variants},
 * {@code bench.dmn} (another model file).
 */
public final class DecisionBenchmark {

    private static final long SEED = 20_240_601L;
    private static final Path WORK = Path.of("target", "bench");
    private static final String RESULT_PREFIX = "BENCH-RESULT ";

    private DecisionBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--variant")) {
            Variant.valueOf(args[1]).run(Path.of(args[2]), args[3], Path.of(args[4]));
            return;
        }
        System.exit(compareAll());
    }

    private static int compareAll() throws Exception {
        Files.createDirectories(WORK);
        Path model = modelFile();
        DmnModelInstance parsed = Dmn.readModelFromFile(model.toFile());
        String decisionKey = decisionKey(model, parsed);
        System.out.printf(
                "Decision '%s' from %s, %d inputs, warm-up %ds, measure %ds, single thread%n",
                decisionKey, model, inputCount(), warmupSeconds(), measureSeconds());

        LegacyFeelTranslation legacy = LegacyFeelTranslation.apply(parsed);
        Path legacyModel = WORK.resolve("legacy-" + model.getFileName());
        Dmn.writeModelToFile(legacyModel.toFile(), parsed);
        printTranslation(legacy, legacyModel);

        Map<Variant, Run> runs = new LinkedHashMap<>();
        for (Variant variant : variants()) {
            if (variant == Variant.LEGACY && !legacy.possible()) {
                runs.put(variant, Run.notApplicable(legacy.impossible.get(0)));
                continue;
            }
            Path variantModel = variant == Variant.LEGACY ? legacyModel : model;
            runs.put(variant, fork(variant, variantModel, decisionKey));
        }
        return report(runs);
    }

    private static int report(Map<Variant, Run> runs) throws IOException {
        System.out.println();
        System.out.printf("%-44s %14s %14s%n", "variant", "median eval/s", "best eval/s");
        for (Map.Entry<Variant, Run> run : runs.entrySet()) {
            Run r = run.getValue();
            if (r.why() != null) {
                System.out.printf("%-44s %s%n", run.getKey().title, "n/a: " + r.why());
            } else {
                System.out.printf("%-44s %,14.0f %,14.0f%n", run.getKey().title, r.median(), r.best());
            }
        }
        List<String> reference = null;
        Variant referenceVariant = null;
        boolean identical = true;
        for (Map.Entry<Variant, Run> run : runs.entrySet()) {
            if (run.getValue().results() == null) {
                // a column legacy FEEL cannot express is reported, not counted; a crashed run is a failure
                identical &= run.getKey() == Variant.LEGACY && !run.getValue().crashed();
                continue;
            }
            List<String> results = Files.readAllLines(run.getValue().results());
            if (reference == null) {
                reference = results;
                referenceVariant = run.getKey();
            } else if (!results.equals(reference)) {
                identical = false;
                printFirstDifference(referenceVariant, reference, run.getKey(), results);
            }
        }
        identical &= reference != null;
        System.out.println("results identical: " + (identical ? "yes" : "no"));
        return identical ? 0 : 1;
    }

    private static void printFirstDifference(Variant a, List<String> left, Variant b, List<String> right) {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "<none>";
            String r = i < right.size() ? right.get(i) : "<none>";
            if (!l.equals(r)) {
                System.out.printf("  differs from %s at input %d:%n    %s: %s%n    %s: %s%n", a, i, a, l, b, r);
                return;
            }
        }
    }

    private static void printTranslation(LegacyFeelTranslation legacy, Path legacyModel) {
        System.out.println("Legacy FEEL evaluates a translated copy, " + legacyModel + ":");
        Map<String, Long> rewrites = legacy.changes.stream()
                .map(change -> change.substring(change.lastIndexOf(": `") + 2))
                .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting()));
        rewrites.forEach((rewrite, count) -> System.out.printf("  %3d x %s%n", count, rewrite));
        legacy.impossible.forEach(why -> System.out.println("  not translatable: " + why));
    }

    private static Run fork(Variant variant, Path model, String decisionKey) throws Exception {
        Path results = WORK.resolve(variant.name().toLowerCase() + "-results.txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms512m");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(variant.classpath(System.getProperty("java.class.path")));
        for (String property : List.of("bench.inputs", "bench.warmupSeconds", "bench.measureSeconds")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of(
                DecisionBenchmark.class.getName(),
                "--variant",
                variant.name(),
                model.toString(),
                decisionKey,
                results.toString()));
        System.out.println();
        System.out.println("== " + variant.title);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Run run = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT_PREFIX)) {
                    String[] figures = line.substring(RESULT_PREFIX.length()).split(" ");
                    run = new Run(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]), results, null, false);
                } else {
                    System.out.println("   " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || run == null) {
            return Run.failed("child JVM failed (exit " + exit + "), see its output above");
        }
        return run;
    }

    private static Path modelFile() throws IOException {
        String chosen = System.getProperty("bench.dmn", "");
        if (!chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path real = Path.of("dmn", "eligibility.dmn");
        if (Files.exists(real)) {
            return real;
        }
        Path sample = WORK.resolve("sample-eligibility.dmn");
        try (InputStream in = DecisionBenchmark.class.getResourceAsStream("/bench/sample-eligibility.dmn")) {
            Files.copy(in, sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("dmn/eligibility.dmn not found: using the four-input stand-in table");
        return sample;
    }

    // The decision named like the file (the project's convention), else the first one.
    private static String decisionKey(Path model, DmnModelInstance parsed) {
        String byName = model.getFileName().toString().replaceFirst("\\.dmn$", "");
        return parsed.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class).stream()
                .map(org.camunda.bpm.model.dmn.instance.Decision::getId)
                .filter(byName::equals)
                .findFirst()
                .orElseGet(() -> parsed.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                        .iterator()
                        .next()
                        .getId());
    }

    private static List<Variant> variants() {
        String wanted = System.getProperty("bench.variants", "");
        if (wanted.isBlank()) {
            return List.of(Variant.values());
        }
        return Arrays.stream(wanted.split(","))
                .map(name -> Variant.valueOf(name.trim().toUpperCase()))
                .toList();
    }

    static int inputCount() {
        return Integer.getInteger("bench.inputs", 10_000);
    }

    static int warmupSeconds() {
        return Integer.getInteger("bench.warmupSeconds", 10);
    }

    static int measureSeconds() {
        return Integer.getInteger("bench.measureSeconds", 10);
    }

    /** One way of evaluating the decision, run alone in a child JVM. */
    enum Variant {
        STOCK("stock 7.24 FEEL (feel-scala 1.19.3)"),
        LEGACY("legacy FEEL (JUEL, translated table)"),
        UNCACHED("feel-scala 1.19.5, stock integration"),
        OURS("ours (1.19.5, FastFeel)");

        final String title;

        Variant(String title) {
            this.title = title;
        }

        String classpath(String classpath) {
            if (this != STOCK) {
                return classpath;
            }
            String stockJar = System.getProperty("bench.stockFeelJar");
            if (stockJar == null || !new File(stockJar).isFile()) {
                throw new IllegalStateException("bench.stockFeelJar must name feel-engine 1.19.3 scala-shaded: "
                        + stockJar + " (run through ./mvnw -Pbench-decisions verify)");
            }
            String[] entries = classpath.split(File.pathSeparator);
            boolean swapped = false;
            for (int i = 0; i < entries.length; i++) {
                if (new File(entries[i]).getName().matches("feel-engine-.*-scala-shaded\\.jar")) {
                    entries[i] = stockJar;
                    swapped = true;
                }
            }
            if (!swapped) {
                throw new IllegalStateException("no feel-engine jar on the class path to swap");
            }
            return String.join(File.pathSeparator, entries);
        }

        DmnEngine engine() {
            if (this == OURS) {
                return FastFeel.dmnEngine();
            }
            DefaultDmnEngineConfiguration configuration =
                    (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.enableFeelLegacyBehavior(this == LEGACY);
            return configuration.buildEngine();
        }

        void run(Path model, String decisionKey, Path resultsFile) throws IOException {
            System.out.println("FEEL engine jar: " + jarOf(org.camunda.feel.FeelEngine.class));
            DmnEngine engine = engine();
            System.out.println("FEEL engine: "
                    + ((DefaultDmnEngineConfiguration) engine.getConfiguration())
                            .getFeelEngine()
                            .getClass()
                            .getName());
            DmnDecision decision;
            try (InputStream in = Files.newInputStream(model)) {
                decision = engine.parseDecision(decisionKey, in);
            }
            List<VariableMap> inputs = BenchmarkInputs.generate(inputCount(), SEED);

            List<String> results = new ArrayList<>(inputs.size());
            for (VariableMap input : inputs) {
                results.add(render(engine.evaluateDecision(decision, input)));
            }
            Files.write(resultsFile, results);
            System.out.println("outcomes: " + summary(results));

            long sink = loop(engine, decision, inputs, warmupSeconds() * 1_000_000_000L)[2];
            List<Double> rates = new ArrayList<>();
            int rounds = Math.max(1, measureSeconds());
            for (int round = 0; round < rounds; round++) {
                long[] counted = loop(engine, decision, inputs, 1_000_000_000L);
                rates.add(counted[0] * 1e9 / counted[1]);
                sink += counted[2];
            }
            rates.sort(Double::compare);
            double median = rates.get(rates.size() / 2);
            double best = rates.get(rates.size() - 1);
            System.out.printf(
                    "rounds (eval/s): %s  [sink %d]%n",
                    rates.stream().map(r -> String.format("%,.0f", r)).collect(Collectors.joining(" ")), sink);
            System.out.println(RESULT_PREFIX + median + " " + best);
        }

        // Returns {evaluations, elapsed nanos, result rows}; reads the clock every 64 evaluations.
        private static long[] loop(DmnEngine engine, DmnDecision decision, List<VariableMap> inputs, long nanos) {
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
            return new long[] {evaluations, now - start, rows};
        }

        private static String jarOf(Class<?> type) {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .getPath())
                    .getFileName()
                    .toString();
        }
    }

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
        return counts.size() + " distinct outcomes, most frequent: "
                + counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(3)
                        .map(e -> e.getValue() + " x " + e.getKey())
                        .collect(Collectors.joining(", "));
    }

    record Run(double median, double best, Path results, String why, boolean crashed) {
        static Run notApplicable(String why) {
            return new Run(0, 0, null, why, false);
        }

        static Run failed(String why) {
            return new Run(0, 0, null, why, true);
        }
    }
}
