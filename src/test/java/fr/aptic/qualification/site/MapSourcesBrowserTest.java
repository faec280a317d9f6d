package fr.aptic.qualification.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.geocoding.PlaceGeocodingProcess;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.BanStub;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.DirectoryCsv;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.StoredPlaces;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A place from each source of coordinates on the public map, each brought there the way its users bring it: a
 * producer in Bastia pins its place; one in Ajaccio gives only its address, which the geocoder locates in the
 * background (a local server answering as the national geocoder does); one in Grenoble is recruited by the Hinaura
 * hub's campaign from a directory entry carrying the national standard's coordinates. All three are reviewed and
 * qualified through the engine; then, in Chromium, each département's filter shows its one marker, whose card
 * names the place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MapSourcesBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    static final BanStub BAN = BanStub.start();

    @DynamicPropertySource
    static void geocoderAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("aptic.geocoding.enabled", () -> "true");
        registry.add("aptic.geocoding.base-url", BAN::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine engine;

    ApiClient api;
    Scenarios scenarios;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        api = new ApiClient(port);
        scenarios = new Scenarios(api);
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
    void placesLocatedByPinDirectoryAndGeocoderAllShowOnTheMap() {
        // 1. pinned by its producer
        Map<String, Object> pinnedBody = Samples.application(Samples.siret(), "20200", "2B033", "Bastia");
        Samples.firstPlace(pinnedBody).put("name", "Lieu épinglé de Bastia");
        Samples.firstPlace(pinnedBody).put("latitude", 42.6977);
        Samples.firstPlace(pinnedBody).put("longitude", 9.4508);
        String pinned = scenarios.submit(pinnedBody).id();

        // 2. located by the geocoder, in the background, before its review
        Map<String, Object> geocodedBody = Samples.application();
        Samples.firstPlace(geocodedBody).put("name", "Lieu géocodé d'Ajaccio");
        Samples.firstPlace(geocodedBody).put("address", "1 rue Trouvée");
        String geocoded = scenarios.submit(geocodedBody).id();
        runGeocodingJob();

        // 3. recruited from the directory: the entry's point goes with the place at its address
        String directory = recruitFromTheDirectory();

        approve(pinned, Scenarios.CORSE_REVIEWER);
        approve(geocoded, Scenarios.CORSE_REVIEWER);
        approve(directory, "reviewer-hinaura");
        assertThat(StoredPlaces.first(jdbc, pinned))
                .containsEntry("coordinates_source", "PIN")
                .containsEntry("latitude", 42.6977);
        assertThat(StoredPlaces.first(jdbc, geocoded))
                .containsEntry("coordinates_source", "GEOCODER")
                .containsEntry("latitude", BanStub.LATITUDE);
        assertThat(StoredPlaces.first(jdbc, directory))
                .containsEntry("coordinates_source", "DIRECTORY")
                .containsEntry("latitude", 45.1885);
        // the geocoder is not asked about places that have their point already
        runGeocodingJob();
        assertThat(BAN.queries())
                .singleElement()
                .satisfies(query -> assertThat(query).containsEntry("q", "1 rue Trouvée"));

        // the exports carry the three points
        JsonNode features = api.get("/api/places.geojson").send().json().get("features");
        assertThat(features).hasSize(3);
        assertThat(features)
                .allSatisfy(feature ->
                        assertThat(feature.get("geometry").get("type").asText()).isEqualTo("Point"));
        String csv = api.get("/api/places.csv").send().text();
        assertThat(csv).contains("42.6977", "9.4508", "45.1885", "5.7245", String.valueOf(BanStub.LATITUDE));

        // the map: three markers, then one per département, each opening its place's card
        browser.get("http://localhost:" + port + "/carte");
        WebElement map =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte[data-loaded='true']")));
        assertThat(map.getAttribute("data-markers")).isEqualTo("3");
        Browser.screenshot(browser, "page-carte-trois-sources");
        assertCard("2B", "Lieu épinglé de Bastia");
        assertCard("2A", "Lieu géocodé d'Ajaccio");
        assertCard("38", "Lieu de l'annuaire à Grenoble");
        assertThat(Browser.consoleOf(browser)).doesNotContain("SEVERE");
    }

    /** Filters the map on the département: one marker, whose card names the place. */
    private void assertCard(String departement, String name) {
        new Select(browser.findElement(By.id("departement"))).selectByValue(departement);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("compte"), "1 lieu"));
        wait.until(driver -> "1".equals(driver.findElement(By.id("carte")).getAttribute("data-markers")));
        WebElement marker = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".leaflet-marker-icon:not(.marker-cluster)")));
        marker.click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".aptic-popup")));
        assertThat(card.getText()).contains(name);
    }

    /**
     * The national team imports a directory entry in Grenoble with its coordinates and records passes injected
     * into the Isère; the campaign's contact task goes to the Hinaura hub, whose reviewer finds the producer
     * interested; the producer applies from the invitation mail, at its entry's address. Answers its application.
     */
    private String recruitFromTheDirectory() {
        String siret = Samples.siret();
        LocalDate today = LocalDate.now();
        Map<String, String> entry = DirectoryCsv.located(
                DirectoryCsv.place(
                        "sources-" + siret, siret, "Lieu de l'annuaire", "38000", "38185", "Grenoble", today),
                "45,1885",
                "5,7245");
        Reply imported = api.post("/api/directory")
                .basic("national", Scenarios.PASSWORD)
                .raw("text/csv", new DirectoryCsv().add(entry).text())
                .send();
        assertThat(imported.status()).as("import: %s", imported).isEqualTo(200);
        Reply injected = api.post("/api/territories/38/pass-injections")
                .basic("national", Scenarios.PASSWORD)
                .json(Map.of(
                        "funder",
                        "Département de l'Isère",
                        "passes",
                        2500,
                        "faceValueCents",
                        1000,
                        "date",
                        today.minusDays(5).toString()))
                .send();
        assertThat(injected.status()).as("injection: %s", injected).isEqualTo(201);
        String campaignId = injected.json().get("campaignId").asText();

        String contact = "direction@" + siret + ".example.org";
        Reply tasks = api.get("/engine-rest/task?taskDefinitionKey=Task_ContactCandidate&processInstanceBusinessKey="
                        + campaignId)
                .basic("reviewer-hinaura", Scenarios.PASSWORD)
                .send();
        assertThat(tasks.json()).hasSize(1);
        assertThat(scenarios
                        .complete(
                                "reviewer-hinaura",
                                tasks.json().get(0).get("id").asText(),
                                Map.of("outcome", "INTERESTED", "contactEmail", contact))
                        .status())
                .isEqualTo(204);
        Mailbox.Invitation invitation = Mailbox.invitationTo(mail, contact);
        assertThat(invitation.campaignId()).isEqualTo(campaignId);

        Map<String, Object> body = Samples.application(siret, "38000", "38185", "Grenoble");
        Samples.firstPlace(body).put("name", "Lieu de l'annuaire à Grenoble");
        Samples.firstPlace(body).put("address", "12 rue de l'Hôtel-de-Ville");
        Reply applied = api.post("/api/campaigns/" + campaignId + "/applications?invitation=" + invitation.token())
                .json(body)
                .send();
        assertThat(applied.status()).as("application: %s", applied).isEqualTo(201);
        return applied.json().get("applicationId").asText();
    }

    /** The hub's reviewer approves, the back office validates the bank details: the producer is qualified. */
    private void approve(String applicationId, String reviewer) {
        assertThat(scenarios
                        .complete(
                                reviewer,
                                scenarios.taskId(applicationId, Scenarios.REVIEW_TASK),
                                Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(204);
        assertThat(scenarios
                        .complete(
                                "backoffice",
                                scenarios.taskId(applicationId, Scenarios.BANK_TASK),
                                Map.of("bankValid", true))
                        .status())
                .isEqualTo(204);
    }

    /** The geocoding timer, then its service task's job, run as the job executor would (it is off in tests). */
    private void runGeocodingJob() {
        ManagementService management = engine.getManagementService();
        Job timer = management
                .createJobQuery()
                .processDefinitionKey(PlaceGeocodingProcess.KEY)
                .timers()
                .singleResult();
        management.executeJob(timer.getId());
        for (Job job : management
                .createJobQuery()
                .processDefinitionKey(PlaceGeocodingProcess.KEY)
                .activityId(PlaceGeocodingProcess.GEOCODE_PLACES)
                .list()) {
            management.executeJob(job.getId());
        }
    }
}
