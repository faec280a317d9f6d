package fr.aptic.qualification.network;

import fr.aptic.qualification.QualificationApplication;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.NetworkCsv;
import fr.aptic.qualification.support.NetworkXlsx;
import fr.aptic.qualification.support.StaffSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The partners' pages' speed, on H2, beside baselines measured in the same run: a network of 3 000 started members
 * (their attestation tasks open); the members table (first page, a middle page, a status filter) against the home
 * page; a 3 000-member upload through the page (.xlsx and CSV) against the same size through the API; and, in
 * Chromium, how soon the upload shows its progress and the batch's page. Alternated rounds, medians.
 * Run: {@code ./mvnw -Pbench-partners verify}.
 */
public final class PartnerPagesBenchmark {

    private static final int MEMBERS = Integer.getInteger("bench.members", 3000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QualificationApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ApiClient api = new ApiClient(port);
            String network = newNetwork(api, context.getBean(IdentityService.class));
            String partner = "partner-" + network;
            long seed = 1;

            // the network's members, started: their attestation tasks are open
            long start = System.nanoTime();
            ApiClient.Reply first = api.post("/api/networks/" + network + "/batches")
                    .basic(partner, "demo")
                    .raw("text/csv", NetworkCsv.members(MEMBERS).seed(seed++).bytes())
                    .send();
            check(first, 202);
            int jobs = runJobs(context.getBean(ManagementService.class));
            System.out.printf(
                    "Partner pages benchmark: %d members stored and started in %.1f s (%d jobs), %d rounds%n",
                    MEMBERS, (System.nanoTime() - start) / 1e9, jobs, ROUNDS);

            StaffSession session = StaffSession.signIn(api, partner, "demo");
            List<Double> firstPage = new ArrayList<>();
            List<Double> middlePage = new ArrayList<>();
            List<Double> filtered = new ArrayList<>();
            List<Double> home = new ArrayList<>();
            int middle = MEMBERS / PartnerPages.PAGE_SIZE / 2;
            for (int round = 0; round < 10 * ROUNDS + 5; round++) {
                double a = time(() -> check(session.get("/partenaires/" + network + "/membres"), 200));
                double b = time(() -> check(session.get("/partenaires/" + network + "/membres?page=" + middle), 200));
                double c = time(() ->
                        check(session.get("/partenaires/" + network + "/membres?statut=UNDER_REVIEW&page=2"), 200));
                double d = time(
                        () -> check(api.get("/").header("Accept", "text/html").send(), 200));
                if (round >= 5) {
                    firstPage.add(a);
                    middlePage.add(b);
                    filtered.add(c);
                    home.add(d);
                }
            }
            System.out.printf(
                    "members table, first page          : %7.1f ms median (target < 300 ms) %s%n",
                    median(firstPage), verdict(median(firstPage), 300));
            System.out.printf(
                    "members table, page %-3d            : %7.1f ms median (target < 300 ms) %s%n",
                    middle, median(middlePage), verdict(median(middlePage), 300));
            System.out.printf(
                    "members table, one status, page 2  : %7.1f ms median (target < 300 ms) %s%n",
                    median(filtered), verdict(median(filtered), 300));
            System.out.printf("baseline: the home page            : %7.1f ms median%n", median(home));

            // uploads of the same size, alternated: the page (.xlsx, CSV) against the API
            List<Double> pageXlsx = new ArrayList<>();
            List<Double> pageCsv = new ArrayList<>();
            List<Double> apiCsv = new ArrayList<>();
            List<Double> apiXlsx = new ArrayList<>();
            double[] x = new double[1];
            double[] c = new double[1];
            double[] a = new double[1];
            double[] ax = new double[1];
            for (int round = 0; round <= ROUNDS; round++) {
                byte[] xlsx = NetworkXlsx.from(
                        NetworkCsv.members(MEMBERS).seed(seed++).bytes());
                byte[] csv = NetworkCsv.members(MEMBERS).seed(seed++).bytes();
                byte[] viaApi = NetworkCsv.members(MEMBERS).seed(seed++).bytes();
                byte[] xlsxViaApi = NetworkXlsx.from(
                        NetworkCsv.members(MEMBERS).seed(seed++).bytes());
                // the four uploads in a different order each round: none always pays for the allocations before it
                List<Runnable> uploads = List.of(
                        () -> x[0] = time(() -> upload(session, network, xlsx, "membres.xlsx")),
                        () -> c[0] = time(() -> upload(session, network, csv, "membres.csv")),
                        () -> a[0] = time(() -> check(
                                api.post("/api/networks/" + network + "/batches")
                                        .basic(partner, "demo")
                                        .raw("text/csv", viaApi)
                                        .send(),
                                202)),
                        () -> ax[0] = time(() -> check(
                                api.post("/api/networks/" + network + "/batches")
                                        .basic(partner, "demo")
                                        .raw(BatchController.XLSX, xlsxViaApi)
                                        .send(),
                                202)));
                for (int i = 0; i < uploads.size(); i++) {
                    uploads.get((i + round) % uploads.size()).run();
                }
                if (round > 0) { // the first round warms the four paths up
                    pageXlsx.add(x[0]);
                    pageCsv.add(c[0]);
                    apiCsv.add(a[0]);
                    apiXlsx.add(ax[0]);
                }
            }
            System.out.printf(
                    "upload of %d members, page, CSV   : %7.0f ms median (%.2f × the API's CSV)%n",
                    MEMBERS, median(pageCsv), median(pageCsv) / median(apiCsv));
            System.out.printf("baseline: the CSV through the API  : %7.0f ms median%n", median(apiCsv));
            System.out.printf(
                    "upload of %d members, page, .xlsx : %7.0f ms median (%.2f × the API's .xlsx)%n",
                    MEMBERS, median(pageXlsx), median(pageXlsx) / median(apiXlsx));
            System.out.printf("baseline: the .xlsx through the API: %7.0f ms median%n", median(apiXlsx));

            // in Chromium: the progress shows at once, then the batch's page
            ChromeDriver browser = Browser.open();
            try {
                byte[] xlsx = NetworkXlsx.from(
                        NetworkCsv.members(MEMBERS).seed(seed++).bytes());
                Path file = Files.createTempFile("membres-", ".xlsx");
                Files.write(file, xlsx);
                browser.get("http://localhost:" + port + "/connexion");
                browser.findElement(By.id("identifiant")).sendKeys(partner);
                browser.findElement(By.id("motdepasse")).sendKeys("demo");
                browser.findElement(By.xpath("//button[normalize-space()='Se connecter']"))
                        .click();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
                wait.until(ExpectedConditions.urlContains("/partenaires/" + network));
                browser.findElement(By.id("fichier")).sendKeys(file.toString());
                long clicked = System.nanoTime();
                browser.findElement(By.xpath("//button[normalize-space()='Envoyer le lot']"))
                        .click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#envoi-en-cours.htmx-request")));
                double shown = (System.nanoTime() - clicked) / 1e6;
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("avancement")));
                double page = (System.nanoTime() - clicked) / 1e6;
                Files.delete(file);
                System.out.printf(
                        "Chromium, %d-member .xlsx: progress shown after %.0f ms (target < 1000 ms) %s;"
                                + " the batch's page after %.0f ms%n",
                        MEMBERS, shown, verdict(shown, 1000), page);
            } finally {
                browser.quit();
            }
        } finally {
            context.close();
        }
    }

    private static void upload(StaffSession session, String network, byte[] file, String name) {
        String boundary = "----aptic" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ApiClient.Reply reply = session.api()
                .post("/partenaires/" + network + "/lots")
                .cookie(session.cookie())
                .header("Accept", "text/html")
                .raw("multipart/form-data; boundary=" + boundary, body.toByteArray())
                .send();
        check(reply, 302);
    }

    private static String newNetwork(ApiClient api, IdentityService identity) {
        String id = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        check(
                api.post("/api/networks")
                        .basic("national", "demo")
                        .json(Map.of(
                                "networkId",
                                id,
                                "name",
                                "Réseau de mesure",
                                "agreement",
                                Map.of(
                                        "reference", "ACC-" + id,
                                        "validFrom",
                                                LocalDate.now().minusMonths(1).toString(),
                                        "validUntil",
                                                LocalDate.now().plusYears(1).toString()),
                                "subscriptionPaidByNetwork",
                                false))
                        .send(),
                201);
        var user = identity.newUser("partner-" + id);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership("partner-" + id, "network-" + id);
        return id;
    }

    private static int runJobs(ManagementService management) {
        int executed = 0;
        while (true) {
            List<Job> jobs = management.createJobQuery().executable().listPage(0, 500);
            if (jobs.isEmpty()) {
                return executed;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
                executed++;
            }
        }
    }

    private static ApiClient.Reply check(ApiClient.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply);
        }
        return reply;
    }

    private static double time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String verdict(double value, double target) {
        return value < target ? "OK" : "MISSED";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
