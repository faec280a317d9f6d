package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.Axe;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.NetworkCsv;
import fr.aptic.qualification.support.NetworkXlsx;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A network partner's whole job in Chromium, without curl: sign in on the French page (a wrong password first),
 * upload a 200-row spreadsheet (.xlsx) with 20 bad rows, read the row errors and download them, watch the members
 * start, then refuse three ticked members (the reason forgotten first) and attest every other member awaiting
 * attestation at once. Every page passes axe-core; screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerPagesBrowserTest extends NetworkTestSupport {

    static final int ROWS = 200;
    static final int BAD = 20;

    @LocalServerPort
    int port;

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
            Browser.screenshot(browser, "derniere-page-partenaires");
            String console = Browser.consoleOf(browser);
            if (!console.isBlank()) {
                System.out.println("Browser console:\n" + console);
            }
            browser.quit();
        }
    }

    @Test
    void aPartnerUploadsAWorkbookReadsItsErrorsWatchesTheStartAndAttestsItsMembers() throws Exception {
        String network = newNetwork(false);

        // signed out: the French sign-in page, then the partner's own network
        browser.get(url("/partenaires"));
        wait.until(ExpectedConditions.urlContains("/connexion"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Se connecter");
        assertThat(browser.findElement(By.cssSelector("label[for='identifiant']"))
                        .getText())
                .isEqualTo("Identifiant");
        Axe.assertNoSeriousViolation(browser, "/connexion");
        Browser.screenshot(browser, "page-connexion");
        signIn(partner(network), "mauvais");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erreurs")));
        assertThat(browser.findElement(By.id("erreurs")).getText()).contains("Identifiant ou mot de passe incorrect");
        // right away, the engine's lock after a failed attempt (3 s) is said with its wait
        signIn(partner(network), PASSWORD);
        wait.until(ExpectedConditions.urlContains("bloque="));
        assertThat(browser.findElement(By.id("erreurs")).getText()).contains("réessayez dans");
        Thread.sleep(4_000);
        signIn(partner(network), PASSWORD);
        wait.until(ExpectedConditions.urlContains("/partenaires/" + network));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Réseau");
        assertThat(browser.getPageSource()).contains("en vigueur");
        Axe.assertNoSeriousViolation(browser, "/partenaires/{id}");

        // a 200-row workbook with 20 bad rows
        Path workbook = Files.createTempFile("membres-", ".xlsx");
        Files.write(
                workbook,
                NetworkXlsx.from(NetworkCsv.members(ROWS).bad(BAD).seed(7).bytes()));
        browser.findElement(By.id("fichier")).sendKeys(workbook.toAbsolutePath().toString());
        Browser.screenshot(browser, "page-partenaires-reseau");
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer le lot']"))
                .click();
        wait.until(ExpectedConditions.urlMatches(".*/partenaires/" + network + "/lots/[0-9a-f-]{36}$"));
        Files.delete(workbook);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains((ROWS - BAD) + " membre(s) accepté(s)")
                .contains(BAD + " ligne(s) refusée(s)")
                .contains("fichier XLSX");
        List<WebElement> errorRows = browser.findElements(By.cssSelector("#erreurs-lot tbody tr"));
        assertThat(errorRows).hasSize(BAD);
        assertThat(errorRows.get(0).findElements(By.tagName("td")).get(0).getText())
                .matches("[0-9]+");
        String errorsCsv = Browser.download(
                browser,
                browser.findElement(By.partialLinkText("Télécharger les erreurs"))
                        .getAttribute("href"));
        assertThat(errorsCsv).startsWith("\uFEFFligne;colonne;message").hasLineCount(BAD + 1);

        // the members start in the background: the page follows them without a reload
        WebElement progress = browser.findElement(By.id("avancement"));
        assertThat(progress.getText()).contains("démarrage en cours");
        Axe.assertNoSeriousViolation(browser, "batch page");
        runJobs();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("avancement"), "tous les membres sont démarrés"));
        assertThat(browser.findElement(By.cssSelector("#avancement progress")).getAttribute("value"))
                .isEqualTo("100");
        Browser.screenshot(browser, "page-partenaires-lot");

        // the members: three ticked and refused (the reason forgotten first, nothing changes)
        browser.findElement(By.linkText("Voir et attester les membres")).click();
        wait.until(ExpectedConditions.urlContains("/membres"));
        int awaiting = awaitingCount();
        assertThat(awaiting).isGreaterThan(ROWS - BAD - 15);
        Axe.assertNoSeriousViolation(browser, "/partenaires/{id}/membres");
        List<WebElement> boxes = browser.findElements(By.cssSelector("input[name='membres']"));
        for (int i = 0; i < 3; i++) {
            browser.findElement(By.cssSelector("label[for='" + boxes.get(i).getAttribute("id") + "']"))
                    .click();
        }
        browser.findElement(By.cssSelector("label[for='decision-refuser']")).click();
        Browser.screenshot(browser, "page-partenaires-membres");
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer la décision']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erreurs")));
        assertThat(browser.findElement(By.id("erreurs")).getText()).contains("le motif est obligatoire");
        assertThat(awaitingCount()).isEqualTo(awaiting);
        // what was ticked and chosen is kept
        assertThat(browser.findElements(By.cssSelector("input[name='membres']:checked")))
                .hasSize(3);
        assertThat(browser.findElement(By.id("decision-refuser")).isSelected()).isTrue();
        browser.findElement(By.id("motif")).sendKeys("Ne fait plus partie du réseau");
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer la décision']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reussis")));
        assertThat(browser.findElements(By.id("echecs"))).as("failures").isEmpty();
        assertThat(browser.findElement(By.id("reussis")).getText()).isEqualTo("3 membre(s) refusé(s).");

        // then every other member awaiting attestation, at once
        browser.findElement(By.linkText("Retour aux membres")).click();
        wait.until(ExpectedConditions.urlContains("/membres"));
        assertThat(awaitingCount()).isEqualTo(awaiting - 3);
        browser.findElement(By.cssSelector("label[for='portee-tous']")).click();
        browser.findElement(By.cssSelector("label[for='decision-attester']")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer la décision']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reussis")));
        assertThat(browser.findElement(By.id("reussis")).getText())
                .isEqualTo((awaiting - 3) + " membre(s) attesté(s).");
        assertThat(browser.findElements(By.id("echecs"))).isEmpty();
        Axe.assertNoSeriousViolation(browser, "attestation results");
        Browser.screenshot(browser, "page-partenaires-attestation");

        // the table follows: nobody awaits attestation any more; a status filter and the CSV export
        browser.findElement(By.linkText("Retour aux membres")).click();
        wait.until(ExpectedConditions.urlContains("/membres"));
        assertThat(awaitingCount()).isZero();
        new Select(browser.findElement(By.id("statut"))).selectByValue("REJECTED");
        browser.findElement(By.xpath("//button[normalize-space()='Filtrer']")).click();
        wait.until(ExpectedConditions.urlContains("statut=REJECTED"));
        assertThat(browser.findElements(By.cssSelector("#liste-membres tbody tr")))
                .hasSize(3);
        String members = Browser.download(
                browser, browser.findElement(By.partialLinkText("Exporter")).getAttribute("href"));
        assertThat(members)
                .startsWith("\uFEFFrang;ligne du lot;demande;SIRET;structure;statut;motifs")
                .hasLineCount(4);
        assertThat(Browser.consoleOf(browser)).doesNotContain("SEVERE");
    }

    private void signIn(String user, String password) {
        WebElement identifier = browser.findElement(By.id("identifiant"));
        identifier.clear();
        identifier.sendKeys(user);
        browser.findElement(By.id("motdepasse")).sendKeys(password);
        browser.findElement(By.xpath("//button[normalize-space()='Se connecter']"))
                .click();
    }

    private int awaitingCount() {
        String text = browser.findElement(By.xpath("//p[contains(., 'attendent votre attestation')]"))
                .getText();
        return Integer.parseInt(text.replaceAll("^([0-9]+).*", "$1"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
