package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.QualificationApplication;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.QualificationGranted;
import fr.aptic.qualification.application.QualificationPath;
import fr.aptic.qualification.support.Samples;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle's benchmark (not a test): on a fresh PostgreSQL database, {@code bench.organisations} (100 000)
 * qualified organisations whose renewal notices fall due at the same instant, then their term ends, handled by the
 * app's job executor; beside them, in the same run, the bare engine's timers (start → timer → end) as the baseline,
 * measured before and after. Prints the time of each phase, jobs per second, the peak heap during each phase, and
 * whether the map is consistent afterwards (no lapsed organisation's place on the map or in the open-data export).
 *
 * <p>Run it with {@code ./mvnw -Pbench-lifecycle verify} (see the README). The database server comes from
 * {@code APTIC_BENCH_PG_URL} (default {@code jdbc:postgresql://localhost:5432/test}), {@code APTIC_BENCH_PG_USER}
 * and {@code APTIC_BENCH_PG_PASSWORD}; a fresh database is created on it and dropped afterwards.
 */
public final class RenewalBenchmark {

    static final String ADMIN_URL =
            System.getenv().getOrDefault("APTIC_BENCH_PG_URL", "jdbc:postgresql://localhost:5432/test");
    static final String USER = System.getenv().getOrDefault("APTIC_BENCH_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("APTIC_BENCH_PG_PASSWORD", "");
    static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 100_000);
    static final int BARE_TIMERS = Integer.getInteger("bench.bareTimers", 20_000);
    static final int CHUNK = 500;
    static final String BARE_PROCESS = "bench-bare-timer";

    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;
    private ProcessEngine engine;
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        new RenewalBenchmark().run();
        System.exit(0);
    }

    void run() throws Exception {
        String database = "aptic_bench_life_" + System.currentTimeMillis();
        execute("create database " + database);
        try {
            start(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database);
            print("1. Seeding " + ORGANISATIONS + " qualified organisations (one place each) and their lifecycle");
            long seeding = System.nanoTime();
            seed();
            print(String.format(Locale.ROOT, "   seeded in %.0f s", seconds(System.nanoTime() - seeding)));
            Date firstNotice = nextLifecycleTimer();

            Phase bareBefore = bare("2. Baseline: bare engine timers, before");
            Phase notices = phase(
                    "3. Renewal notices: " + ORGANISATIONS + " timers due at " + firstNotice.toInstant(),
                    firstNotice,
                    () -> count("select count(*) from app_timeline where event = 'RENEWAL_NOTICE'"));
            Phase bareAfter = bare("4. Baseline: bare engine timers, after");
            // straight to the end of the term: the second notices first, then the lapses
            Date secondNotice = nextLifecycleTimer();
            phase(
                    "5. Second notices",
                    secondNotice,
                    () -> count("select count(*) from app_timeline where event = 'RENEWAL_NOTICE'") - ORGANISATIONS);
            Date termEnds = nextLifecycleTimer();
            Phase lapses = phase(
                    "6. Lapses: " + ORGANISATIONS + " terms ending at " + termEnds.toInstant(),
                    termEnds,
                    () -> count("select count(*) from app_application where status = 'LAPSED'"));
            long stillOnMap = count("select count(*) from app_place p join app_application a on a.id = p.application_id"
                    + " where p.published = true and a.status <> 'QUALIFIED'");
            String csv = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/api/places.csv"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            long exportLines = csv.lines().count() - 1;
            double bare = (bareBefore.rate() + bareAfter.rate()) / 2;
            print("");
            print("RESULT lifecycle, " + ORGANISATIONS + " organisations (PostgreSQL, job executor of the app)");
            print(String.format(
                    Locale.ROOT,
                    "  baseline, bare engine timers (start → timer → end): %.0f and %.0f jobs/s, mean %.0f;"
                            + " peak heap %d MiB",
                    bareBefore.rate(),
                    bareAfter.rate(),
                    bare,
                    Math.max(bareBefore.peakMiB(), bareAfter.peakMiB())));
            print(String.format(
                    Locale.ROOT,
                    "  renewal notices (token, mail in the outbox, timeline): %.1f s, %.0f jobs/s (%.2f × the bare"
                            + " engine); peak heap %d MiB",
                    notices.seconds(),
                    notices.rate(),
                    notices.rate() / bare,
                    notices.peakMiB()));
            print(String.format(
                    Locale.ROOT,
                    "  lapses (status, places off the map, mails to producer and hub, timeline): %.1f s, %.0f jobs/s"
                            + " (%.2f × the bare engine); peak heap %d MiB",
                    lapses.seconds(),
                    lapses.rate(),
                    lapses.rate() / bare,
                    lapses.peakMiB()));
            print(String.format(
                    Locale.ROOT,
                    "  map afterwards: %d lapsed places still published, %d places in the open-data export — %s",
                    stillOnMap,
                    exportLines,
                    stillOnMap == 0 && exportLines == 0 ? "consistent" : "INCONSISTENT"));
            print("  max heap " + mib(Runtime.getRuntime().maxMemory()) + " MiB");
        } finally {
            ClockUtil.reset();
            if (context != null) {
                context.close();
            }
            execute("drop database if exists " + database);
        }
    }

    private void start(String url) {
        print("Starting the app on " + url + " (max heap "
                + mib(Runtime.getRuntime().maxMemory()) + " MiB)");
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--server.port=0",
                "--aptic.demo.enabled=true",
                "--aptic.demo.password=bench",
                // mails stay in the outbox: no SMTP server in a benchmark, and no sending
                "--aptic.mail.poll-interval-ms=86400000",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        String extra = System.getProperty("bench.args", "").strip();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
            print("Extra settings: " + extra);
        }
        context = new SpringApplicationBuilder(QualificationApplication.class)
                .profiles("postgres")
                .run(args.toArray(String[]::new));
        jdbc = context.getBean(JdbcTemplate.class);
        engine = context.getBean(ProcessEngine.class);
        baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Event_Due")
                .timerWithDate("${due}")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(BARE_PROCESS + ".bpmn", bare)
                .deploy();
    }

    /** Qualified applications with one published place each, and a lifecycle started for each as the paths do. */
    private void seed() {
        ApplicationRepository applications = context.getBean(ApplicationRepository.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        Random random = new Random(7);
        for (int done = 0; done < ORGANISATIONS; done += CHUNK) {
            int size = Math.min(CHUNK, ORGANISATIONS - done);
            List<ApplicationRepository.NewApplicationWithPlaces> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String siret = Samples.siret(random);
                chunk.add(new ApplicationRepository.NewApplicationWithPlaces(
                        new ApplicationRepository.NewApplication(
                                UUID.randomUUID().toString(),
                                siret,
                                QualificationPath.FREE,
                                "0".repeat(64),
                                "Structure " + (done + i),
                                "contact@" + siret + ".example.org",
                                "2A",
                                null,
                                null,
                                null,
                                "{}",
                                Instant.now()),
                        List.of(new ApplicationRequest.Place(
                                "Espace numérique " + (done + i),
                                "1 cours Napoléon",
                                "20000",
                                "2A004",
                                "Ajaccio",
                                "OWN_PLACE",
                                null,
                                "Mo-Fr 09:00-17:00",
                                true,
                                1000,
                                List.of("Aide aux démarches administratives"),
                                41.92,
                                8.74)),
                        List.of("2A")));
            }
            transaction.executeWithoutResult(status -> {
                applications.insertAll(chunk, "SUBMITTED", "Banc d'essai", null);
                List<Object[]> ids = chunk.stream()
                        .map(c -> new Object[] {c.application().id()})
                        .toList();
                jdbc.batchUpdate(
                        "update app_application set status = 'QUALIFIED', outcome = 'QUALIFIED',"
                                + " review_group = 'hub-corse', qualified_until = current_date where id = ?",
                        ids);
                jdbc.batchUpdate("update app_place set published = true where application_id = ?", ids);
                for (var c : chunk) {
                    context.publishEvent(new QualificationGranted(
                            applications.findById(c.application().id()).orElseThrow()));
                }
            });
            if ((done + size) % 20_000 == 0) {
                print("   " + (done + size) + " organisations");
            }
        }
    }

    record Phase(int jobs, double seconds, long peakMiB) {
        double rate() {
            return jobs / seconds;
        }
    }

    /** Bare timers due at once, handled by the same job executor. */
    private Phase bare(String title) {
        Date due = new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000L);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        AtomicLong before = new AtomicLong(bareEnded());
        for (int done = 0; done < BARE_TIMERS; done += CHUNK) {
            int size = Math.min(CHUNK, BARE_TIMERS - done);
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < size; i++) {
                    engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS, java.util.Map.of("due", due));
                }
            });
        }
        return phase(title + ": " + BARE_TIMERS + " timers", due, () -> bareEnded() - before.get(), BARE_TIMERS);
    }

    private long bareEnded() {
        return engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(BARE_PROCESS)
                .finished()
                .count();
    }

    private Phase phase(String title, Date due, java.util.function.LongSupplier done) {
        return phase(title, due, done, ORGANISATIONS);
    }

    /** Moves the engine's clock past {@code due} and waits until {@code done} reaches {@code jobs}. */
    private Phase phase(String title, Date due, java.util.function.LongSupplier done, int jobs) {
        print(title);
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000L));
        // moving the clock does not wake the job acquisition, which may be in its idle wait (up to a minute)
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor()
                .jobWasAdded();
        long reached = 0;
        while (reached < jobs) {
            sleep(250);
            reached = done.getAsLong();
            if (seconds(System.nanoTime() - started) > 3600) {
                throw new IllegalStateException("not done after an hour: " + reached + " of " + jobs);
            }
        }
        double seconds = seconds(System.nanoTime() - started);
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        print(String.format(
                Locale.ROOT,
                "   %d done in %.1f s: %.0f jobs/s; peak heap %d MiB",
                jobs,
                seconds,
                jobs / seconds,
                mib(peak)));
        return new Phase(jobs, seconds, mib(peak));
    }

    /** When the lifecycle's next timers fall due (all organisations' at the same instant). */
    private Date nextLifecycleTimer() {
        return jdbc.queryForObject(
                "select min(duedate_) from act_ru_job where process_def_key_ = ?",
                Date.class,
                QualificationLifecycleProcess.KEY);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void print(String line) {
        System.out.println(line);
    }
}
