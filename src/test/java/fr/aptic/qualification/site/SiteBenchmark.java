package fr.aptic.qualification.site;

import fr.aptic.qualification.QualificationApplication;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.MapPlaces;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pages' speed, on H2, in Chromium: how long {@code /carte} takes with 3 000 qualified places until every
 * located one is a marker (target under 2 s), beside the same page with no place (the page, DSFR and Leaflet alone)
 * measured in the same run; and how long the server takes to answer a step of {@code /devenir} (target under
 * 300 ms), beside the home page. Alternated rounds, medians. Run: {@code ./mvnw -Pbench-site verify}.
 */
public final class SiteBenchmark {

    private static final int PLACES = Integer.getInteger("bench.places", 3000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QualificationApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn");
        ChromeDriver browser = Browser.open();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            int located = MapPlaces.seed(context.getBean(ApplicationRepository.class), PLACES, 11);
            System.out.printf("Site benchmark: %d places (%d located), %d rounds%n", PLACES, located, ROUNDS);
            List<Double> map = new ArrayList<>();
            List<Double> empty = new ArrayList<>();
            for (int round = 0; round < ROUNDS + 1; round++) {
                double all = mapTime(browser, "http://localhost:" + port + "/carte", String.valueOf(located));
                double none = mapTime(browser, "http://localhost:" + port + "/carte?departement=01", "0");
                if (round > 0) {
                    map.add(all);
                    empty.add(none);
                }
            }
            System.out.printf(
                    "/carte until every marker is placed : %6.0f ms median (target < 2000 ms) %s%n",
                    median(map), median(map) < 2000 ? "OK" : "MISSED");
            System.out.printf("baseline: /carte with no place     : %6.0f ms median%n", median(empty));

            ApiClient api = new ApiClient(port);
            List<Double> step = new ArrayList<>();
            List<Double> home = new ArrayList<>();
            String cookies = open(api);
            String token = csrf(api, cookies);
            for (int round = 0; round < 10 * ROUNDS + 5; round++) {
                long start = System.nanoTime();
                api.post("/devenir/qualite")
                        .header("Accept", "text/html")
                        .cookie(cookies)
                        .form(Map.of(
                                "_csrf", token,
                                "quality.trainedMediators", "2",
                                "quality.openingHoursPerWeek", "30",
                                "quality.accessible", "oui"))
                        .send();
                double posted = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                api.get("/").header("Accept", "text/html").send();
                double got = (System.nanoTime() - start) / 1e6;
                if (round >= 5) {
                    step.add(posted);
                    home.add(got);
                }
            }
            System.out.printf(
                    "/devenir step checked and saved    : %6.1f ms median (target < 300 ms) %s%n",
                    median(step), median(step) < 300 ? "OK" : "MISSED");
            System.out.printf("baseline: the home page            : %6.1f ms median%n", median(home));
        } finally {
            browser.quit();
            context.close();
        }
    }

    /** Milliseconds from navigation start until the map says its markers are placed. */
    private static double mapTime(ChromeDriver browser, String url, String markers) {
        browser.get("about:blank");
        browser.get(url);
        new WebDriverWait(browser, java.time.Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte[data-loaded='true']")));
        String placed = browser.findElement(By.id("carte")).getAttribute("data-markers");
        if (!markers.equals(placed)) {
            throw new IllegalStateException("expected " + markers + " markers, found " + placed);
        }
        Object elapsed = browser.executeScript("return performance.now();");
        return ((Number) elapsed).doubleValue();
    }

    private static String open(ApiClient api) {
        List<String> cookies = new ArrayList<>();
        ApiClient.Reply page =
                api.get("/devenir/organisation").header("Accept", "text/html").send();
        page.headers("Set-Cookie").forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
        Matcher token = CSRF.matcher(page.text());
        token.find();
        ApiClient.Reply first = api.post("/devenir/organisation")
                .header("Accept", "text/html")
                .cookie(String.join("; ", cookies))
                .form(Map.of("_csrf", token.group(1), "siret", "73282932000074"))
                .send();
        first.headers("Set-Cookie").forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
        return String.join("; ", cookies);
    }

    private static String csrf(ApiClient api, String cookies) {
        Matcher token = CSRF.matcher(api.get("/devenir/qualite")
                .header("Accept", "text/html")
                .cookie(cookies)
                .send()
                .text());
        token.find();
        return token.group(1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
