package fr.aptic.qualification.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Decision evaluation speed, single thread: stock Camunda 7.24 FEEL, legacy FEEL, feel-scala 1.19.5 without
 * cache, and ours, side by side, each in its own JVM, then a check that all gave the same results on every
 * input. Exits non-zero when they did not.
 *
 * <p>Run with {@code ./mvnw -Pbench-decisions verify}. Measures {@code dmn/eligibility.dmn} (decision
 * {@code eligibility}) when present, then the four-input table {@code bench/sample-eligibility.dmn}, which
 * legacy FEEL can evaluate too. System properties: {@code bench.inputs}, {@code bench.seed},
 * {@code bench.warmupSeconds}, {@code bench.measureSeconds}, {@code bench.variants} (comma-separated),
 * {@code bench.dmn} (another model, decision named like the file), {@code bench.skipSample}.
 */
public final class DecisionBenchmark {

    private static final Path WORK = Path.of("target", "bench");

    private DecisionBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--variant")) {
            BenchmarkChild.run(
                    BenchmarkVariant.valueOf(args[1]),
                    Path.of(args[2]),
                    args[3],
                    Path.of(args[4]),
                    BenchmarkChild.Settings.fromSystemProperties());
            return;
        }
        Files.createDirectories(WORK);
        BenchmarkChild.Settings settings = BenchmarkChild.Settings.fromSystemProperties();
        System.out.printf(
                "%d inputs (seed %d), warm-up %ds, then %d one-second rounds, single thread, one JVM per variant%n",
                settings.inputs(), settings.seed(), settings.warmupSeconds(), settings.measureSeconds());
        boolean identical = true;
        for (Path model : models()) {
            identical &= measure(model);
        }
        System.out.println();
        System.out.println("results identical: " + (identical ? "yes" : "no"));
        System.exit(identical ? 0 : 1);
    }

    private static List<Path> models() throws IOException {
        List<Path> models = new ArrayList<>();
        String chosen = System.getProperty("bench.dmn", "");
        Path real = Path.of("dmn", "eligibility.dmn");
        if (!chosen.isBlank()) {
            models.add(Path.of(chosen));
        } else if (Files.exists(real)) {
            models.add(real);
        } else {
            System.out.println("dmn/eligibility.dmn not found: the four-input table only");
        }
        if (models.isEmpty() || !Boolean.getBoolean("bench.skipSample")) {
            Path sample = WORK.resolve("sample-eligibility.dmn");
            try (InputStream in = DecisionBenchmark.class.getResourceAsStream("/bench/sample-eligibility.dmn")) {
                Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
            }
            models.add(sample);
        }
        return models;
    }

    /** Measures every variant on one model; true when all gave the same results. */
    private static boolean measure(Path model) throws Exception {
        DmnModelInstance parsed = Dmn.readModelFromFile(model.toFile());
        String decisionKey = decisionKey(model, parsed);
        String name = model.getFileName().toString().replaceFirst("\\.dmn$", "");
        System.out.printf("%n######## decision '%s' of %s%n", decisionKey, model);

        LegacyFeelTranslation legacy = LegacyFeelTranslation.apply(parsed);
        Path legacyModel = WORK.resolve("legacy-" + model.getFileName());
        Dmn.writeModelToFile(legacyModel.toFile(), parsed);
        printTranslation(legacy, legacyModel);

        Map<BenchmarkVariant, Run> runs = new LinkedHashMap<>();
        for (BenchmarkVariant variant : variants()) {
            if (variant == BenchmarkVariant.LEGACY && !legacy.possible()) {
                int more = legacy.impossible.size() - 1;
                runs.put(
                        variant,
                        Run.notApplicable(
                                legacy.impossible.get(0) + (more > 0 ? " (and " + more + " more, listed above)" : "")));
                continue;
            }
            Path results = WORK.resolve(name + "-" + variant.name().toLowerCase() + "-results.txt");
            Path variantModel = variant == BenchmarkVariant.LEGACY ? legacyModel : model;
            runs.put(variant, fork(variant, variantModel, decisionKey, results));
        }
        return report(decisionKey, runs);
    }

    private static boolean report(String decisionKey, Map<BenchmarkVariant, Run> runs) throws IOException {
        System.out.printf("%n'%s', single thread%n", decisionKey);
        System.out.printf("%-40s %16s %12s %18s%n", "variant", "eval/s (median)", "best round", "eval/s per CPU-s");
        for (Map.Entry<BenchmarkVariant, Run> entry : runs.entrySet()) {
            Run run = entry.getValue();
            if (run.why() != null) {
                System.out.printf("%-40s n/a: %s%n", entry.getKey().title, run.why());
            } else {
                System.out.printf(
                        "%-40s %,16.0f %,12.0f %,18.0f%n",
                        entry.getKey().title, run.median(), run.best(), run.perCpuSecond());
            }
        }
        List<String> reference = null;
        BenchmarkVariant referenceVariant = null;
        boolean identical = true;
        int compared = 0;
        for (Map.Entry<BenchmarkVariant, Run> entry : runs.entrySet()) {
            Run run = entry.getValue();
            if (run.results() == null) {
                // legacy FEEL unable to express the table is reported, not counted; a crashed run is a failure
                identical &= !run.crashed();
                continue;
            }
            List<String> results = Files.readAllLines(run.results());
            compared++;
            if (reference == null) {
                reference = results;
                referenceVariant = entry.getKey();
            } else if (!results.equals(reference)) {
                identical = false;
                printFirstDifference(referenceVariant, reference, entry.getKey(), results);
            }
        }
        identical &= compared > 1;
        System.out.printf(
                "results identical on all %d inputs across %d variants: %s%n",
                reference == null ? 0 : reference.size(), compared, identical ? "yes" : "no");
        return identical;
    }

    private static void printFirstDifference(
            BenchmarkVariant a, List<String> left, BenchmarkVariant b, List<String> right) {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "<none>";
            String r = i < right.size() ? right.get(i) : "<none>";
            if (!l.equals(r)) {
                System.out.printf("  %s differs from %s at input %d:%n    %s%n    %s%n", b, a, i, l, r);
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

    private static Run fork(BenchmarkVariant variant, Path model, String decisionKey, Path results) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "-cp"));
        command.add(variant.classpath(System.getProperty("java.class.path"), System.getProperty("bench.stockFeelJar")));
        for (String property : List.of("bench.inputs", "bench.seed", "bench.warmupSeconds", "bench.measureSeconds")) {
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
                if (line.startsWith(BenchmarkChild.RESULT_PREFIX)) {
                    String[] figures = line.substring(BenchmarkChild.RESULT_PREFIX.length())
                            .split(" ");
                    run = new Run(
                            Double.parseDouble(figures[0]),
                            Double.parseDouble(figures[1]),
                            Double.parseDouble(figures[2]),
                            results,
                            null,
                            false);
                } else {
                    System.out.println("   " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit == 0 && run != null) {
            return run;
        }
        if (variant == BenchmarkVariant.LEGACY) {
            // legacy FEEL refusing a translated cell says what legacy lacks, not that ours is wrong
            return Run.notApplicable("legacy FEEL failed on the translated table, see its output above");
        }
        return Run.failed("child JVM failed (exit " + exit + "), see its output above");
    }

    // The decision named like the file (the project's convention), else the first one.
    private static String decisionKey(Path model, DmnModelInstance parsed) {
        String byName = model.getFileName().toString().replaceFirst("\\.dmn$", "");
        List<String> keys = parsed.getModelElementsByType(Decision.class).stream()
                .map(Decision::getId)
                .toList();
        return keys.contains(byName) ? byName : keys.get(0);
    }

    private static List<BenchmarkVariant> variants() {
        String wanted = System.getProperty("bench.variants", "");
        if (wanted.isBlank()) {
            return List.of(BenchmarkVariant.values());
        }
        return Arrays.stream(wanted.split(","))
                .map(name -> BenchmarkVariant.valueOf(name.trim().toUpperCase()))
                .toList();
    }

    /** One variant's figures, or why there are none. */
    record Run(double median, double best, double perCpuSecond, Path results, String why, boolean crashed) {

        static Run notApplicable(String why) {
            return new Run(0, 0, 0, null, why, false);
        }

        static Run failed(String why) {
            return new Run(0, 0, 0, null, why, true);
        }
    }
}
