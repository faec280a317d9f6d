package fr.aptic.qualification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, headless Chromium (Debian's {@code chromium} and {@code chromedriver}), French first. Without them the
 * test is skipped loudly, unless {@code -Daptic.test.browser=required} (CI), where it fails.
 */
public final class Browser {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    public static ChromeDriver open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            String why = "No browser: install chromium and chromium-driver (apt-get install chromium chromium-driver)";
            if ("required".equals(System.getProperty("aptic.test.browser"))) {
                throw new IllegalStateException(why + " — browser tests are required here");
            }
            log.warn("SKIPPED browser test. {}", why);
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=fr-FR",
                "--window-size=1366,900");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        // the page's console, for a test to show when it fails (see consoleOf)
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** What the page wrote to its console (errors, CSP refusals) since the last call. */
    public static String consoleOf(ChromeDriver driver) {
        StringBuilder console = new StringBuilder();
        driver.manage()
                .logs()
                .get("browser")
                .forEach(entry -> console.append(entry.getLevel())
                        .append(' ')
                        .append(entry.getMessage())
                        .append('\n'));
        return console.toString();
    }

    /** Keeps what the page shows, under target/screenshots/. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file a link offers, fetched with the browser's session (as the browser would save it): a 200 answer with
     * {@code Content-Disposition: attachment}, its body read as UTF-8.
     */
    public static String download(ChromeDriver driver, String href) {
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                                    .header("Cookie", "JSESSIONID=" + session)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200
                    || !response.headers()
                            .firstValue("Content-Disposition")
                            .orElse("")
                            .startsWith("attachment")) {
                throw new AssertionError("not a download: " + response.statusCode() + " " + response.headers());
            }
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
