package fr.aptic.qualification.csv;

import fr.aptic.qualification.support.NetworkCsv;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How fast {@link CsvReader} reads a network partner's 100 000-row file, beside a baseline measured in the same
 * run: splitting the same bytes into lines and values with the JDK alone ({@code BufferedReader} and
 * {@code String.split}), which knows nothing of quotes, charsets or row numbers and so bounds what any reader can
 * do. Two files: UTF-8 with {@code ,}, and windows-1252 with {@code ;}. Each round reads each file once with each
 * reader, in alternation; the figures are medians over the rounds, after warm-up rounds.
 *
 * <p>Uses only {@link CsvReader}'s public API, so the same class measures an older version of the reader
 * (copy it into a checkout of that version). Run: {@code ./mvnw -Pbench-csv verify}.
 */
public final class CsvReadingBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 3);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 9);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Input(String name, byte[] bytes, Charset charset, char separator) {}

    private record Run(long nanos, long allocated, long values) {}

    public static void main(String[] args) throws IOException {
        CsvSchema schema = CsvSchema.allRequired(NetworkCsv.COLUMNS);
        List<Input> inputs = List.of(
                new Input("UTF-8, ','", NetworkCsv.members(ROWS).seed(7).bytes(), StandardCharsets.UTF_8, ','),
                new Input(
                        "windows-1252, ';'",
                        NetworkCsv.members(ROWS).seed(7).semicolon().cp1252().bytes(),
                        Charset.forName("windows-1252"),
                        ';'));
        System.out.printf("CSV reading: %d rows per file, %d warm-up and %d measured rounds%n", ROWS, WARM_UP, ROUNDS);
        for (Input input : inputs) {
            List<Run> project = new ArrayList<>();
            List<Run> baseline = new ArrayList<>();
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                Run a = round % 2 == 0 ? project(input, schema) : baseline(input);
                Run b = round % 2 == 0 ? baseline(input) : project(input, schema);
                if (round >= WARM_UP) {
                    project.add(round % 2 == 0 ? a : b);
                    baseline.add(round % 2 == 0 ? b : a);
                }
            }
            report(input, project, baseline);
        }
    }

    private static Run project(Input input, CsvSchema schema) throws IOException {
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long values = 0;
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(input.bytes()), schema)) {
            for (CsvRecord record : reader) {
                if (record.hasProblem()) {
                    throw new IllegalStateException("unexpected problem: " + record);
                }
                values += record.values().size();
            }
        }
        return new Run(System.nanoTime() - start, THREADS.getCurrentThreadAllocatedBytes() - allocated, values);
    }

    private static Run baseline(Input input) throws IOException {
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long values = 0;
        Pattern separator = Pattern.compile(Pattern.quote(String.valueOf(input.separator())));
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(input.bytes()), input.charset()), 64 * 1024)) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                values += separator.split(line, -1).length;
            }
        }
        return new Run(System.nanoTime() - start, THREADS.getCurrentThreadAllocatedBytes() - allocated, values);
    }

    private static void report(Input input, List<Run> project, List<Run> baseline) {
        double projectMs = median(project.stream().map(r -> r.nanos() / 1e6).toList());
        double baselineMs = median(baseline.stream().map(r -> r.nanos() / 1e6).toList());
        System.out.printf("%n%s, %d KiB%n", input.name(), input.bytes().length / 1024);
        System.out.printf(
                "  CsvReader            : %7.1f ms median (%,.0f rows/s), %5.0f MiB allocated, %d values%n",
                projectMs,
                ROWS / (projectMs / 1000),
                median(project.stream().map(r -> r.allocated() / 1048576.0).toList()),
                project.get(0).values());
        System.out.printf(
                "  baseline (JDK split) : %7.1f ms median (%,.0f rows/s), %5.0f MiB allocated, %d values%n",
                baselineMs,
                ROWS / (baselineMs / 1000),
                median(baseline.stream().map(r -> r.allocated() / 1048576.0).toList()),
                baseline.get(0).values());
        System.out.printf("  ratio CsvReader / baseline time: %.2f%n", projectMs / baselineMs);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
