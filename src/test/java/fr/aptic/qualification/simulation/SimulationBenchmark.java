package fr.aptic.qualification.simulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.eligibility.AssessmentInputs;
import fr.aptic.qualification.eligibility.AssessmentService;
import fr.aptic.qualification.eligibility.AssessmentService.Assessment;
import fr.aptic.qualification.reference.Territories;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How long a simulation takes on a seeded data set (profile {@code bench-simulation}, see the README): stores
 * N applications with batch JDBC, with the outcome the current {@code dmn/} models give them, then simulates
 * "home services open in 2022" ({@code dmn/eligibility.dmn} edited) on all of them, as {@code POST
 * /api/simulations} does: rows streamed from the database, bodies parsed, inputs rebuilt, both decisions
 * evaluated, changes counted. Beside it, the same loop with the stock Camunda DMN engine on a sample (one year
 * of submissions), and a check that both engines count the same changes on that sample.
 *
 * <p>Settings (system properties): {@code bench.simulation.applications} (100000), {@code .threads} (the
 * processors), {@code .runs} (3), {@code .db} (H2 in memory; or a JDBC URL of an empty PostgreSQL database, with
 * {@code .user} and {@code .password}).
 */
public final class SimulationBenchmark {

    static final long SEED = 20261122L;
    static final double TARGET_MILLIS = 5_000;
    static final double SLOW_MILLIS = 20_000;

    private SimulationBenchmark() {}

    public static void main(String[] args) throws Exception {
        // Outside Spring Boot nothing configures logback: without this, every DEBUG line of the engines prints.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda.bpm.dmn"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        int applications = Integer.getInteger("bench.simulation.applications", 100_000);
        int threads = Integer.getInteger(
                "bench.simulation.threads", Runtime.getRuntime().availableProcessors());
        int runs = Integer.getInteger("bench.simulation.runs", 3);
        String url = System.getProperty("bench.simulation.db", "");
        if (url.isBlank()) {
            url = "jdbc:h2:mem:simulation-bench;DB_CLOSE_DELAY=-1";
        }
        DataSource dataSource = new DriverManagerDataSource(
                url,
                System.getProperty("bench.simulation.user", url.startsWith("jdbc:h2") ? "sa" : "postgres"),
                System.getProperty("bench.simulation.password", ""));
        Flyway.configure()
                .dataSource(dataSource)
                .table("app_schema_history")
                .baselineOnMigrate(true)
                .load()
                .migrate();

        DmnEngine ours = CandidateDecisions.createEngine();
        DmnEngine stock =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        byte[] candidateModel = SimulationDataSet.homeServicesOpenIn2022();

        System.out.printf(
                Locale.ROOT,
                "Simulation benchmark: %,d stored applications in %s, %d thread(s), %d processor(s)%n",
                applications,
                url.replaceAll(";.*", ""),
                threads,
                Runtime.getRuntime().availableProcessors());
        long seedStart = System.nanoTime();
        seed(dataSource, applications, ours);
        System.out.printf(Locale.ROOT, "  seeded in %.1f s (not part of the figures below)%n", seconds(seedStart));

        StoredApplications stored = new StoredApplications(dataSource, new DataSourceTransactionManager(dataSource));
        ObjectReader bodies = new ObjectMapper()
                .readerFor(ApplicationRequest.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Territories territories = Territories.defaults();
        Supplier<Simulator> oursSimulator = simulator(ours, candidateModel, bodies, territories);

        // What the reading costs alone, then with the bodies parsed and the inputs rebuilt.
        time(
                "read rows only",
                runs,
                () -> SimulationRun.run(
                        sink -> stored.forEach(StoredApplications.Scope.ALL, sink), (row, tally) -> {}, threads));
        time(
                "read, parse bodies, rebuild inputs",
                runs,
                () -> SimulationRun.run(
                        sink -> stored.forEach(StoredApplications.Scope.ALL, sink),
                        parseOnly(bodies, territories),
                        threads));
        Timed fullRuns = time(
                "full simulation, project DMN engine",
                runs,
                () -> SimulationRun.run(
                        sink -> stored.forEach(StoredApplications.Scope.ALL, sink), oursSimulator.get(), threads));

        StoredApplications.Scope sample = new StoredApplications.Scope(
                SeededApplications.FIRST_DAY,
                SeededApplications.FIRST_DAY.plusYears(1).minusDays(1),
                null);
        Supplier<Simulator> stockSimulator = simulator(stock, candidateModel, bodies, territories);
        // Once to warm the stock engine up, as the project engine was by its runs; the second run is the figure.
        SimulationRun.run(sink -> stored.forEach(sample, sink), stockSimulator.get(), threads);
        long stockStart = System.nanoTime();
        Tally stockTally = SimulationRun.run(sink -> stored.forEach(sample, sink), stockSimulator.get(), threads);
        double stockMillis = millis(stockStart);
        Tally oursTally = SimulationRun.run(sink -> stored.forEach(sample, sink), oursSimulator.get(), threads);
        System.out.printf(
                Locale.ROOT,
                "  baseline, stock Camunda DMN engine (feel-scala 1.19.5, nothing cached; warmed up): %,d applications (submitted in %d) in %,.0f ms = %,.0f/s"
                        + " -> %,d would take ~%,.1f s%n",
                stockTally.applications,
                SeededApplications.FIRST_DAY.getYear(),
                stockMillis,
                stockTally.applications / (stockMillis / 1000),
                applications,
                applications / (stockTally.applications / (stockMillis / 1000)));

        double best = fullRuns.bestMillis();
        SimulationReport report = SimulationReport.of("eligibility", "home 2022", "stored", fullRuns.tally(), 0);
        System.out.printf(
                Locale.ROOT,
                "  outcome: %,d compared, %,d would change %s, %,d failed%n",
                report.compared(),
                report.changed(),
                report.transitions().stream()
                        .map(t -> t.from() + "->" + t.to() + " " + t.count())
                        .toList(),
                report.failed() + report.unreadable());
        boolean same = sameCounts(stockTally, oursTally);
        System.out.printf(
                Locale.ROOT, "  same counts, stock vs project engine, on the sample: %s%n", same ? "yes" : "NO");
        double per100k = best * 100_000 / applications;
        System.out.printf(
                Locale.ROOT,
                "  target: 100,000 applications within %,.0f ms: %s (%,.0f ms%s)%n",
                TARGET_MILLIS,
                per100k <= TARGET_MILLIS ? "met" : "NOT met",
                per100k,
                applications == 100_000
                        ? ""
                        : ", extrapolated from " + String.format(Locale.ROOT, "%,d", applications));
        if (!same) {
            System.exit(1);
        }
    }

    /**
     * A new simulator for every run, as every request gets one: each remembers the results of the decisions it
     * evaluated ({@link MemoizedDecision}), and a second run with the same one would time the memo, not the engine.
     */
    private static Supplier<Simulator> simulator(
            DmnEngine engine, byte[] candidate, ObjectReader bodies, Territories territories) throws IOException {
        DmnDecision eligibility = engine.parseDecision("eligibility", new ByteArrayInputStream(candidate));
        DmnDecision charter;
        try (InputStream in = Files.newInputStream(Path.of("dmn/charter-compliance.dmn"))) {
            charter = engine.parseDecision("charter-compliance", in);
        }
        return () -> new Simulator(bodies, territories, engine, new DecisionPair(eligibility, charter), null);
    }

    private static BiConsumer<StoredApplication, Tally> parseOnly(ObjectReader bodies, Territories territories) {
        return (row, tally) -> {
            try {
                ApplicationRequest request = bodies.readValue(row.body());
                if (AssessmentInputs.of(request, row.submittedOn(), territories).isEmpty()) {
                    tally.failed++;
                }
            } catch (IOException e) {
                tally.unreadable++;
            }
        };
    }

    interface Run {
        Tally run();
    }

    /**
     * Runs once to warm up, then {@code runs} times; prints each and answers the best time. A warm-up over
     * {@link #SLOW_MILLIS} is not repeated: at that speed the JIT no longer matters, and the run is the figure.
     */
    private static Timed time(String what, int runs, Run run) {
        long warmUpStart = System.nanoTime();
        Tally last = run.run();
        long rows = last.applications;
        double warmUp = millis(warmUpStart);
        List<String> times = new ArrayList<>();
        double best = warmUp;
        if (warmUp > SLOW_MILLIS) {
            times.add(String.format(Locale.ROOT, "%,.0f (one run: slow)", warmUp));
        } else {
            best = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = run.run();
                rows = last.applications;
                double elapsed = millis(start);
                best = Math.min(best, elapsed);
                times.add(String.format(Locale.ROOT, "%,.0f", elapsed));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  %-40s %s ms -> best %,.0f ms = %,.0f applications/s%n",
                what + ":",
                String.join(" / ", times),
                best,
                rows / (best / 1000));
        return new Timed(best, last);
    }

    /** The best time of a measured loop, and what its last run counted. */
    record Timed(double bestMillis, Tally tally) {}

    private static boolean sameCounts(Tally a, Tally b) {
        SimulationReport x = SimulationReport.of("eligibility", "", "", a, 0);
        SimulationReport y = SimulationReport.of("eligibility", "", "", b, 0);
        return x.equals(y);
    }

    /** Stores the seeded applications with the outcome the current models give them, as the process would. */
    private static void seed(DataSource dataSource, int count, DmnEngine engine) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Long others =
                jdbc.queryForObject("select count(*) from app_application where id not like 'bench-%'", Long.class);
        if (Objects.requireNonNullElse(others, 0L) > 0) {
            throw new IllegalStateException("the benchmark database holds other applications: give it an empty one");
        }
        jdbc.update("delete from app_application where id like 'bench-%'");
        DecisionPair current;
        try (InputStream eligibility = Files.newInputStream(Path.of("dmn/eligibility.dmn"));
                InputStream charter = Files.newInputStream(Path.of("dmn/charter-compliance.dmn"))) {
            current = new DecisionPair(
                    engine.parseDecision("eligibility", eligibility),
                    engine.parseDecision("charter-compliance", charter));
        }
        Territories territories = Territories.defaults();
        ObjectReader bodies = new ObjectMapper().readerFor(ApplicationRequest.class);
        SeededApplications seeded = new SeededApplications(SEED);
        int batch = 1_000;
        AtomicLong done = new AtomicLong();
        for (int from = 0; from < count; from += batch) {
            List<SeededApplications.Seeded> rows = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++) {
                rows.add(seeded.next(i));
            }
            List<Object[]> args = IntStream.range(0, rows.size())
                    .parallel()
                    .mapToObj(i -> row(rows.get(i), current, engine, bodies, territories))
                    .toList();
            jdbc.batchUpdate(
                    "insert into app_application (id, siret, path, status, tracking_token_hash, organisation_name,"
                            + " contact_email, departement, eligible, score, reasons, body, submitted_at, updated_at)"
                            + " values (?, '00000000000000', 'FREE', ?, 'x', 'Benchmark', 'bench@exemple.org', ?, ?, ?, ?,"
                            + " ?, ?, ?)",
                    args);
            if (done.addAndGet(rows.size()) % 20_000 == 0) {
                System.out.printf(Locale.ROOT, "  seeding: %,d%n", done.get());
            }
        }
    }

    private static Object[] row(
            SeededApplications.Seeded seeded,
            DecisionPair current,
            DmnEngine engine,
            ObjectReader bodies,
            Territories territories) {
        try {
            ApplicationRequest request = bodies.readValue(seeded.body());
            Assessment assessment =
                    current.assess(engine, AssessmentInputs.of(request, seeded.submittedOn(), territories));
            Timestamp at = Timestamp.from(seeded.submittedOn()
                    .atTime(10, 0)
                    .atZone(AssessmentService.PARIS)
                    .toInstant());
            return new Object[] {
                seeded.id(),
                assessment.eligible() ? "UNDER_REVIEW" : "INELIGIBLE",
                seeded.departement(),
                assessment.eligible(),
                assessment.score(),
                String.join("|", assessment.reasons()),
                seeded.body(),
                at,
                at
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
