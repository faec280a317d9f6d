package fr.aptic.qualification.steering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Axe;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.DirectoryCsv;
import fr.aptic.qualification.support.MapPlaces;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 * The steering page in Chromium, as the national team uses it: signs in through the French sign-in page, reads
 * the funnel's chart and its table, filters it in place (the URL keeps the filter), sees the territory that
 * received passes on the map and its open campaign, uploads a broken model (the error beside the field, focused
 * summary), then an edited eligibility table, reads whose outcome changes and downloads the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SteeringPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    fr.aptic.qualification.application.ApplicationRepository applications;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            String console = Browser.consoleOf(browser);
            if (!console.isBlank()) {
                System.out.println("Browser console:\n" + console);
            }
            browser.quit();
        }
    }

    @Test
    void theNationalTeamReadsTheFunnelFiltersItAndSimulatesANewEligibilityTable() throws Exception {
        ApiClient api = new ApiClient(port);
        Scenarios scenarios = new Scenarios(api);
        scenarios.underReview();
        scenarios.underReview();
        // ten qualified producers each in Ajaccio, Paris and Lyon; passes for Corsica (20 000 € a place: balanced)
        // and the Rhône (5 000 €: over-served); Paris gets none
        MapPlaces.seed(applications, 30, 19);
        inject(api, "2A", 20_000);
        inject(api, "69", 5_000);
        String campaign = passesIntoTheCreuse(api);

        browser.get(url("/pilotage"));
        wait.until(ExpectedConditions.urlContains("/connexion"));
        browser.findElement(By.id("identifiant")).sendKeys("national");
        browser.findElement(By.id("motdepasse")).sendKeys(Scenarios.PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space()='Se connecter']"))
                .click();
        wait.until(ExpectedConditions.urlContains("/pilotage"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("canvas[data-graphique='issues'][data-drawn='true']")));
        assertThat(browser.findElements(By.cssSelector("canvas[data-drawn='error']")))
                .isEmpty();
        assertThat(browser.findElement(By.id("tableau-issues")).getText()).contains("Libre", "Qualifiés", "En cours");
        assertThat(browser.findElement(By.id("tableau-tri")).getText())
                .contains("Correction de l’annuaire", "60 %", "20 %");
        // the Creuse received passes without a place: under-served, red on the map, its campaign listed
        assertThat(browser.findElement(By.cssSelector("path[data-departement='23']"))
                        .getAttribute("class"))
                .contains("aptic-statut--sous");
        assertThat(browser.findElement(By.cssSelector("#tableau-territoires tr[data-departement='23']"))
                        .getText())
                .contains("Creuse", "Sous-desservi");
        assertThat(browser.findElement(By.id("tableau-campagnes")).getText()).contains("23 Creuse");
        assertThat(browser.findElement(By.cssSelector("path[data-departement='2A']"))
                        .getAttribute("class"))
                .contains("aptic-statut--equilibre");
        assertThat(browser.findElement(By.cssSelector("path[data-departement='69']"))
                        .getAttribute("class"))
                .contains("aptic-statut--sur");
        assertThat(browser.findElement(By.cssSelector("path[data-departement='33']"))
                        .getAttribute("class"))
                .contains("aptic-statut--aucun");
        assertThat(campaign).isNotBlank();
        Axe.assertNoSeriousViolation(browser, "/pilotage");
        scrollTo("entonnoir-titre");
        Browser.screenshot(browser, "page-pilotage");
        scrollTo("territoires-titre");
        Browser.screenshot(browser, "page-pilotage-territoires");

        // the free path in Corsica: in place, the URL keeps the filter
        new Select(browser.findElement(By.id("departement"))).selectByValue("2A");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entonnoir-compte"), "département 2A"));
        new Select(browser.findElement(By.id("parcours"))).selectByValue("FREE");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entonnoir-compte"), "parcours Libre"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("canvas[data-graphique='issues'][data-drawn='true']")));
        assertThat(browser.getCurrentUrl()).contains("departement=2A", "parcours=FREE");
        assertThat(browser.findElement(By.id("tableau-groupes")).getText())
                .contains("2A Corse-du-Sud", "Libre")
                .doesNotContain("Réseaux");
        scrollTo("entonnoir-compte");
        Browser.screenshot(browser, "page-pilotage-filtre");

        // a broken model: said beside the file, the summary focused
        Path broken = Files.createTempDirectory("modele-casse").resolve("eligibility.dmn");
        Files.writeString(broken, eligibility().replace("<text>40</text>", "<text>40 +* </text>"));
        browser.findElement(By.id("fichier")).sendKeys(broken.toString());
        browser.findElement(By.xpath("//button[normalize-space()='Lancer la simulation']"))
                .click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erreurs-simulation")));
        assertThat(summary.getText()).contains("Fichier DMN", "expression FEEL invalide");
        assertThat(browser.findElement(By.id("fichier-messages")).getText()).contains("expression FEEL invalide");
        wait.until(driver ->
                "erreurs-simulation".equals(driver.switchTo().activeElement().getAttribute("id")));
        Axe.assertNoSeriousViolation(browser, "/pilotage (simulation refusée)");

        // the threshold raised far out of reach: every eligible application would turn ineligible
        Path candidate = Files.createTempDirectory("modele-candidat").resolve("eligibility.dmn");
        Files.writeString(
                candidate,
                eligibility()
                        .replace(
                                "<literalExpression id=\"LiteralExpression_EligibilityThreshold\">\n      <text>40</text>",
                                "<literalExpression id=\"LiteralExpression_EligibilityThreshold\">\n      <text>1000</text>"));
        browser.findElement(By.id("fichier")).sendKeys(candidate.toString());
        browser.findElement(By.xpath("//button[normalize-space()='Lancer la simulation']"))
                .sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("canvas[data-graphique='transitions'][data-drawn='true']")));
        assertThat(browser.findElements(By.id("erreurs-simulation"))).isEmpty();
        assertThat(browser.findElement(By.id("tableau-transitions")).getText()).contains("Éligible", "Non éligible");
        assertThat(browser.findElement(By.id("tableau-departements")).getText()).contains("2A Corse-du-Sud");
        WebElement link = browser.findElement(By.id("telecharger"));
        scrollTo("resultat-titre");
        Axe.assertNoSeriousViolation(browser, "/pilotage (simulation)");
        Browser.screenshot(browser, "page-pilotage-simulation");

        String csv = Browser.download(browser, link.getAttribute("href"));
        assertThat(csv)
                .startsWith("\uFEFFdemande;siret;structure;departement;avant;apres;")
                .contains(";ELIGIBLE;INELIGIBLE;");
        // the refused upload's 400 is the only error the console may show (no CSP refusal, no script error)
        assertThat(Browser.consoleOf(browser)
                        .lines()
                        .filter(line -> line.startsWith("SEVERE"))
                        .filter(line -> !line.contains("/pilotage/simulation - Failed to load resource: the server"
                                + " responded with a status of 400")))
                .isEmpty();
    }

    /**
     * The national team imports a directory entry in Guéret and records passes for the Creuse, where no place is
     * qualified: the territory is under-served and a campaign opens. Answers the campaign.
     */
    private String passesIntoTheCreuse(ApiClient api) {
        String siret = Samples.siret();
        LocalDate today = LocalDate.now();
        Reply imported = api.post("/api/directory")
                .basic("national", Scenarios.PASSWORD)
                .raw(
                        "text/csv",
                        new DirectoryCsv()
                                .add(DirectoryCsv.place(
                                        "pilotage-" + siret,
                                        siret,
                                        "Tiers-lieu de Guéret",
                                        "23000",
                                        "23096",
                                        "Guéret",
                                        today))
                                .text())
                .send();
        assertThat(imported.status()).as("import: %s", imported).isEqualTo(200);
        Reply injected = api.post("/api/territories/23/pass-injections")
                .basic("national", Scenarios.PASSWORD)
                .json(Map.of(
                        "funder",
                        "Département de la Creuse",
                        "passes",
                        3000,
                        "faceValueCents",
                        1000,
                        "date",
                        today.minusDays(3).toString()))
                .send();
        assertThat(injected.status()).as("injection: %s", injected).isEqualTo(201);
        return injected.json().get("campaignId").asText("");
    }

    /**
     * Passes that bring the département's income to {@code eurosPerPlace} for each of its qualified places, whatever
     * other tests of the same context left there.
     */
    private static void inject(ApiClient api, String departement, int eurosPerPlace) {
        com.fasterxml.jackson.databind.JsonNode now = api.get("/api/territories/" + departement + "/consolidation")
                .basic("national", Scenarios.PASSWORD)
                .send()
                .json();
        long missing = now.get("qualifiedPlaces").asLong() * eurosPerPlace
                - now.get("injectedValueEuros").decimalValue().longValue();
        assertThat(missing).as("euros to inject into %s", departement).isPositive();
        Reply injected = api.post("/api/territories/" + departement + "/pass-injections")
                .basic("national", Scenarios.PASSWORD)
                .json(Map.of(
                        "funder",
                        "Financeur " + departement,
                        "passes",
                        missing / 10,
                        "faceValueCents",
                        1000,
                        "date",
                        LocalDate.now().minusDays(10).toString()))
                .send();
        assertThat(injected.status()).as("injection: %s", injected).isEqualTo(201);
    }

    private void scrollTo(String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    private static String eligibility() throws Exception {
        return Files.readString(Path.of("dmn/eligibility.dmn"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
