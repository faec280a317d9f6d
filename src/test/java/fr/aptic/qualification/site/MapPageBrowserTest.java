package fr.aptic.qualification.site;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.support.Axe;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.MapPlaces;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public map in Chromium: clustered markers for the located places, the same places listed beside it, a
 * filter applied in place (htmx) that moves the markers too, and a place's card opened from its marker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MapPageBrowserTest {

    static final int PLACES = 42;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationRepository applications;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            System.out.println("Browser console:\n" + Browser.consoleOf(browser));
            browser.quit();
        }
    }

    @Test
    void aCitizenFiltersTheMapAndOpensAPlacesCard() {
        MapPlaces.seed(applications, PLACES, 3);
        // other tests of this context may have qualified places too: the exports say what the map must show
        browser.get("http://localhost:" + port + "/carte");
        WebElement map =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte[data-loaded='true']")));
        // counted once the page has read the export (the geocoder may locate a place of another test meanwhile)
        Counts all = counts("");
        assertThat(Integer.parseInt(map.getAttribute("data-markers"))).isEqualTo(all.located());
        assertThat(browser.findElement(By.id("compte")).getText()).isEqualTo(all.places() + " lieux");
        assertThat(browser.findElements(By.cssSelector(".aptic-lieux > li"))).hasSize(Math.min(200, all.places()));
        Axe.assertNoSeriousViolation(browser, "/carte");
        Browser.screenshot(browser, "page-carte");

        // Corsica only: the list and the markers follow, without a page load
        Counts corsica = counts("?departement=2A");
        new Select(browser.findElement(By.id("departement"))).selectByValue("2A");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("compte"), corsica.places() + " lieux"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte[data-loaded='true']")));
        assertThat(browser.getCurrentUrl()).contains("departement=2A");
        // the markers follow once the page has read the filtered export (htmx settles, then the map reloads)
        int corsicanMarkers = counts("?departement=2A").located();
        wait.until(driver -> String.valueOf(corsicanMarkers)
                .equals(driver.findElement(By.id("carte")).getAttribute("data-markers")));
        assertThat(browser.findElements(By.cssSelector(".aptic-lieux > li")))
                .allMatch(place -> place.getText().contains("Ajaccio"));
        assertThat(browser.findElement(By.linkText("GeoJSON")).getAttribute("href"))
                .endsWith("/api/places.geojson?departement=2A");

        // a place's card, from its marker (clusters open as the map zooms in)
        WebElement popup = null;
        for (int i = 0; i < 8 && popup == null; i++) {
            List<WebElement> markers =
                    browser.findElements(By.cssSelector(".leaflet-marker-icon:not(.marker-cluster)"));
            if (!markers.isEmpty()) {
                markers.get(0).click();
                popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".aptic-popup")));
            } else {
                browser.findElement(By.cssSelector(".marker-cluster")).click();
                sleep();
            }
        }
        assertThat(popup).as("a marker's card").isNotNull();
        assertThat(popup.getText()).contains("Espace numérique", "Ajaccio", "Horaires", "Aide aux démarches");
        Browser.screenshot(browser, "page-carte-fiche");
        assertThat(Browser.consoleOf(browser)).doesNotContain("SEVERE");
    }

    /** Places and located places in the GeoJSON export. */
    record Counts(int places, int located) {}

    private Counts counts(String query) {
        com.fasterxml.jackson.databind.JsonNode features = new fr.aptic.qualification.support.ApiClient(port)
                .get("/api/places.geojson" + query)
                .send()
                .json()
                .get("features");
        int located = 0;
        for (com.fasterxml.jackson.databind.JsonNode feature : features) {
            located += feature.get("geometry").isNull() ? 0 : 1;
        }
        return new Counts(features.size(), located);
    }

    private static void sleep() {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
