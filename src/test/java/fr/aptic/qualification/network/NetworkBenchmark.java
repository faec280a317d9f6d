package fr.aptic.qualification.network;

import fr.aptic.qualification.QualificationApplication;
import fr.aptic.qualification.support.NetworkCsv;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The network path's benchmark (not a test): on a fresh PostgreSQL database, in one run,
 *
 * <ol>
 *   <li>the bare engine: start event → user task, one instance per transaction, warm (instances/s), measured
 *       before the members and again after them (the shared host's speed drifts; the ratio uses the mean);
 *   <li>a 3 000-member CSV posted over HTTP, timed until every member waits at its attestation task (or has been
 *       found ineligible), after a warm-up batch of as many members as the bare engine's warm-up starts;
 *   <li>the peak heap while a 100 000-row CSV is validated and stored (run with {@code -Xmx256m}).
 * </ol>
 *
 * <p>Run it with {@code ./mvnw -Pbench-network verify} (see the README). The database server comes from
 * {@code APTIC_BENCH_PG_URL} (default {@code jdbc:postgresql://localhost:5432/test}), {@code APTIC_BENCH_PG_USER}
 * and {@code APTIC_BENCH_PG_PASSWORD}; a fresh database is created on it and dropped afterwards.
 */
public final class NetworkBenchmark {

    static final String ADMIN_URL =
            System.getenv().getOrDefault("APTIC_BENCH_PG_URL", "jdbc:postgresql://localhost:5432/test");
    static final String USER = System.getenv().getOrDefault("APTIC_BENCH_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("APTIC_BENCH_PG_PASSWORD", "");

    static final String BARE_PROCESS = "bench-bare-engine";
    static final int BARE_WARM_UP = Integer.getInteger("bench.bareWarmUp", 3000);
    static final int BARE_MEASURED = Integer.getInteger("bench.bareMeasured", 3000);
    // both sides warm up alike: as many members as bare starts (with fewer, the JIT compiler still takes a
    // good part of the two cores while the measured batch runs)
    static final int MEMBERS_WARM_UP = Integer.getInteger("bench.membersWarmUp", BARE_WARM_UP);
    static final int MEMBERS = Integer.getInteger("bench.members", 3000);
    static final int LARGE_ROWS = Integer.getInteger("bench.largeRows", 100_000);
    static final boolean KEEP_DATABASE = Boolean.getBoolean("bench.keepDatabase");
    /** The heap the 100 000-row CSV must fit in: part 3 runs in a child JVM started with this maximum. */
    static final String LARGE_CSV_HEAP = System.getProperty("bench.largeCsvHeap", "256m");

    static final String LARGE_CSV = "large-csv";
    static final String RESULT = "RESULT ";

    private final HttpClient client = HttpClient.newHttpClient();
    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && LARGE_CSV.equals(args[0])) {
            new NetworkBenchmark().largeCsvChild(args[1]);
        } else {
            new NetworkBenchmark().run();
        }
    }

    void run() throws Exception {
        String database = "aptic_bench_" + System.currentTimeMillis();
        execute("create database " + database);
        try {
            String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database;
            start(url, false);
            double bareBefore = bareEngine(true);
            Members members = networkMembers();
            awaitNoJobs();
            // the shared host's speed drifts within minutes: the rate on both sides of the members is the baseline
            double bareAfter = bareEngine(false);
            double bare = (bareBefore + bareAfter) / 2;
            print(String.format(
                    Locale.ROOT,
                    "   bare engine before and after the members: %.0f and %.0f instances/s, mean %.0f",
                    bareBefore,
                    bareAfter,
                    bare));
            context.close();
            context = null;
            Heap heap = largeCsvInChildJvm(url);
            report(bare, members, heap);
        } finally {
            if (context != null) {
                context.close();
            }
            if (!KEEP_DATABASE) {
                execute("drop database if exists " + database);
            } else {
                print("Database kept: " + database);
            }
        }
    }

    private void start(String url, boolean jobExecutorOff) {
        print("Starting the engine on " + url + " (max heap "
                + mib(Runtime.getRuntime().maxMemory()) + " MiB, garbage collectors " + collectors() + ")");
        // Command-line arguments: they override the profiles' settings (builder properties would not).
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--server.port=0",
                "--aptic.demo.enabled=true",
                "--aptic.demo.password=bench",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        // -Dbench.args="--camunda.bpm.job-execution.core-pool-size=3 ..." tries other settings without a rebuild
        String extra = System.getProperty("bench.args", "").strip();
        if (!extra.isEmpty()) {
            args.addAll(java.util.Arrays.asList(extra.split("\\s+")));
            print("Extra settings: " + extra);
        }
        context = new SpringApplicationBuilder(QualificationApplication.class)
                .profiles("postgres")
                .run(args.toArray(String[]::new));
        jdbc = context.getBean(JdbcTemplate.class);
        baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        if (jobExecutorOff) {
            return;
        }
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Bare")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(BARE_PROCESS + ".bpmn", bare)
                .deploy();
    }

    /**
     * CPU time spent by this JVM and by the PostgreSQL backends serving its database: a figure that other load on
     * the machine does not distort, printed beside the wall-clock rates to see where each instance's cost goes.
     */
    final class CpuMeter {
        private final long jvmStart = jvmCpu();
        private final long databaseStart = databaseCpu();

        String perInstance(int instances) {
            double jvm = (jvmCpu() - jvmStart) / 1e6 / instances;
            double database = (databaseCpu() - databaseStart) / 1e6 / instances;
            return String.format(Locale.ROOT, "CPU per instance: JVM %.2f ms, PostgreSQL %.2f ms", jvm, database);
        }
    }

    private static long jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Nanoseconds of CPU used so far by the backends connected to the benchmark's database (Linux /proc). */
    private long databaseCpu() {
        long ticks = 0;
        for (Integer pid : jdbc.queryForList(
                "select pid from pg_stat_activity where datname = current_database()", Integer.class)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (Exception e) {
                return 0; // not on Linux, or the server runs elsewhere: the figure is only informative
            }
        }
        return ticks * 10_000_000L; // 100 ticks per second
    }

    /** Part 1: start event → user task, one instance per transaction, single thread, after a warm-up. */
    private double bareEngine(boolean first) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        if (first) {
            print("1. Bare engine: " + BARE_WARM_UP + " warm-up starts, then " + BARE_MEASURED + " measured");
            for (int i = 0; i < BARE_WARM_UP; i++) {
                runtime.startProcessInstanceByKey(BARE_PROCESS, "warm-" + i);
            }
        } else {
            print("1b. Bare engine again, after the members: " + BARE_MEASURED + " measured");
        }
        CpuMeter cpu = new CpuMeter();
        long started = System.nanoTime();
        for (int i = 0; i < BARE_MEASURED; i++) {
            runtime.startProcessInstanceByKey(BARE_PROCESS, (first ? "bare-" : "bare-after-") + i);
        }
        double seconds = seconds(System.nanoTime() - started);
        double rate = BARE_MEASURED / seconds;
        print(String.format(Locale.ROOT, "   %d instances in %.2f s: %.0f instances/s", BARE_MEASURED, seconds, rate));
        print("   " + cpu.perInstance(BARE_MEASURED));
        return rate;
    }

    record Members(int accepted, double seconds, double postSeconds, long atAttestation, long ineligible) {
        double rate() {
            return accepted / seconds;
        }
    }

    /** Part 2: a warm-up batch, then a 3 000-member CSV timed from the POST until every member has started. */
    private Members networkMembers() throws Exception {
        print("2. Network path: warm-up batch of " + MEMBERS_WARM_UP + " members");
        String warmUp = network("bench-warm-up");
        Members warm = submitAndWait(
                warmUp, NetworkCsv.members(MEMBERS_WARM_UP).seed(11).bytes());
        print(String.format(Locale.ROOT, "   warm-up: %d members started in %.2f s", warm.accepted(), warm.seconds()));
        String network = network("bench-members");
        byte[] csv = NetworkCsv.members(MEMBERS).seed(1).bytes();
        print("   measured batch: " + MEMBERS + " members, " + csv.length / 1024 + " KiB of CSV");
        CpuMeter cpu = new CpuMeter();
        java.util.Map<String, Long> rowsBefore = rowCounts();
        Members members = submitAndWait(network, csv);
        String cpuFigures = cpu.perInstance(members.accepted());
        print(String.format(
                Locale.ROOT,
                "   %d members started in %.2f s (POST answered 202 after %.2f s): %.0f members/s;"
                        + " %d at Task_AttestMember, %d ineligible",
                members.accepted(),
                members.seconds(),
                members.postSeconds(),
                members.rate(),
                members.atAttestation(),
                members.ineligible()));
        print("   " + cpuFigures);
        print("   " + rowsPerMember(rowsBefore, rowCounts(), members.accepted()));
        return members;
    }

    /** Rows in each table of the benchmark's database (counted, not estimated). */
    private java.util.Map<String, Long> rowCounts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : jdbc.queryForList(
                "select tablename from pg_tables where schemaname = current_schema()", String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** Where a member's cost goes: rows added per member, by table, largest first. */
    private static String rowsPerMember(
            java.util.Map<String, Long> before, java.util.Map<String, Long> after, int members) {
        java.util.List<java.util.Map.Entry<String, Double>> added = new java.util.ArrayList<>();
        double total = 0;
        for (var entry : after.entrySet()) {
            double perMember = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / (double) members;
            if (perMember >= 0.5) {
                added.add(java.util.Map.entry(entry.getKey(), perMember));
            }
            total += Math.max(0, perMember);
        }
        added.sort(java.util.Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "rows kept per member: %.0f (", total));
        for (int i = 0; i < added.size(); i++) {
            line.append(i == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "%s %.1f",
                            added.get(i).getKey(),
                            added.get(i).getValue()));
        }
        return line.append(')').toString();
    }

    private Members submitAndWait(String network, byte[] csv) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/networks/" + network + "/batches"))
                        .header("Authorization", basic("partner-" + network))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double postSeconds = seconds(System.nanoTime() - started);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Batch refused: " + response.statusCode() + " " + response.body());
        }
        String batchId = response.body().replaceAll(".*\"batchId\":\"([^\"]+)\".*", "$1");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        // the probe competes with the work it watches for the two cores: a short query, every 50 ms
        while (count(
                        "select count(*) from (select 1 from app_application where batch_id = ? and status = 'SUBMITTED'"
                                + " limit 1) waiting",
                        batchId)
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Members still waiting to start after 10 minutes");
            }
            Thread.sleep(50);
        }
        double seconds = seconds(System.nanoTime() - started);
        int accepted = (int) count("select count(*) from app_application where batch_id = ?", batchId);
        long atAttestation = count(
                "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
                        + " join app_network_member m on m.application_id = e.business_key_"
                        + " where t.task_def_key_ = 'Task_AttestMember' and m.batch_id = ?",
                batchId);
        long ineligible =
                count("select count(*) from app_application where batch_id = ? and status = 'INELIGIBLE'", batchId);
        return new Members(accepted, seconds, postSeconds, atAttestation, ineligible);
    }

    record Heap(int rows, double seconds, long baselineBytes, long peakBytes, long maxBytes, int accepted) {}

    /**
     * Part 3 in a child JVM whose heap is capped at 256 MiB: the whole engine plus the 100 000-row batch must fit,
     * or the child fails with an OutOfMemoryError.
     */
    private Heap largeCsvInChildJvm(String url) throws Exception {
        print("3. Large CSV: " + LARGE_ROWS + " rows, validated and stored by the batch service in a child JVM with"
                + " -Xmx" + LARGE_CSV_HEAP + " (job executor off)");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + LARGE_CSV_HEAP,
                        "-Dbench.largeRows=" + LARGE_ROWS,
                        "-cp",
                        System.getProperty("java.class.path"),
                        NetworkBenchmark.class.getName(),
                        LARGE_CSV,
                        url)
                .redirectErrorStream(true)
                .start();
        Heap heap = null;
        try (var lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(RESULT)) {
                    String[] f = line.substring(RESULT.length()).split(" ");
                    heap = new Heap(
                            Integer.parseInt(f[0]),
                            Double.parseDouble(f[1]),
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Integer.parseInt(f[5]));
                } else if (line.startsWith("   ") || line.contains("OutOfMemoryError") || line.contains("Exception")) {
                    print(line);
                }
            }
        }
        int status = child.waitFor();
        if (heap == null || status != 0) {
            throw new IllegalStateException("The large-CSV child JVM failed (exit " + status + ")");
        }
        return heap;
    }

    /** The child's side of part 3: the engine without job executor, the batch service fed the file directly. */
    void largeCsvChild(String url) throws Exception {
        start(url, true);
        Path file = Files.createTempFile("aptic-bench-", ".csv");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                NetworkCsv.members(LARGE_ROWS).seed(5).write(out);
            }
            print("   " + Files.size(file) / (1024 * 1024) + " MiB of CSV (over the HTTP limit of 20 MiB: fed to the"
                    + " batch service directly)");
            String network = network("bench-large");
            BatchService batches = context.getBean(BatchService.class);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long started = System.nanoTime();
            BatchService.Submission submission;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                submission = batches.submit(
                        network,
                        BatchService.Format.CSV,
                        in,
                        null,
                        new NetworkAccess("partner-" + network, Set.of(Network.groupOf(network))));
            }
            double seconds = seconds(System.nanoTime() - started);
            sampler.interrupt();
            sampler.join();
            int accepted = (int) count("select count(*) from app_application where batch_id = ?", submission.batchId());
            print(String.format(
                    Locale.ROOT,
                    "   %d rows (%d accepted) in %.1f s; heap %d MiB before, peak %d MiB of %d MiB",
                    LARGE_ROWS,
                    accepted,
                    seconds,
                    mib(baseline),
                    mib(peak.get()),
                    mib(Runtime.getRuntime().maxMemory())));
            print(RESULT + LARGE_ROWS + " " + seconds + " " + baseline + " " + peak.get() + " "
                    + Runtime.getRuntime().maxMemory() + " " + accepted);
        } finally {
            Files.deleteIfExists(file);
        }
        // The figures are out; the parent drops the database, so this JVM stops without an orderly shutdown.
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private void report(double bare, Members members, Heap heap) {
        double ratio = members.rate() / bare;
        print("");
        print("== Network benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL, "
                + collectors() + ") ==");
        print(String.format(
                Locale.ROOT,
                "bare engine, 1 instance/transaction : %6.0f instances/s (mean of before and after the members)",
                bare));
        print(String.format(
                Locale.ROOT,
                "network members to attestation      : %6.0f members/s (%d in %.2f s; target: %d within 10 s) %s",
                members.rate(),
                members.accepted(),
                members.seconds(),
                MEMBERS,
                members.seconds() <= 10 ? "OK" : "MISSED"));
        print(String.format(
                Locale.ROOT,
                "ratio to the bare engine            : %6.2f (target >= 0.50) %s",
                ratio,
                ratio >= 0.5 ? "OK" : "MISSED"));
        print(String.format(
                Locale.ROOT,
                "100 000-row CSV, peak heap          : %6d MiB (max heap %d MiB; target <= 256 MiB) %s",
                mib(heap.peakBytes()),
                mib(heap.maxBytes()),
                heap.peakBytes() <= 256L * 1024 * 1024 ? "OK" : "MISSED"));
    }

    private static String collectors() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A network with an agreement active today, paying its members' subscription, and its user. */
    private String network(String id) {
        NetworkService networks = context.getBean(NetworkService.class);
        networks.create(
                new NetworkRequest(
                        id,
                        "Réseau " + id,
                        new NetworkRequest.Agreement(
                                "CONV-" + id,
                                LocalDate.now().minusDays(1),
                                LocalDate.now().plusYears(1)),
                        true),
                new NetworkAccess("bench", Set.of(fr.aptic.qualification.security.AccessSetup.NATIONAL)));
        IdentityService identity = context.getBean(IdentityService.class);
        var user = identity.newUser("partner-" + id);
        user.setPassword("bench");
        identity.saveUser(user);
        identity.createMembership("partner-" + id, Network.groupOf(id));
        return id;
    }

    /** Waits until the batch processes have finished their last jobs (the chunks' ends), so nothing runs on. */
    private void awaitNoJobs() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (count("select count(*) from act_ru_job", null) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private long count(String sql, String parameter) {
        Long value = parameter == null
                ? jdbc.queryForObject(sql, Long.class)
                : jdbc.queryForObject(sql, Long.class, parameter);
        return value == null ? 0 : value;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":bench").getBytes(StandardCharsets.UTF_8));
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
