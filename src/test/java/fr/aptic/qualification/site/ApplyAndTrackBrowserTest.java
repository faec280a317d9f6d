package fr.aptic.qualification.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Axe;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The applicant's pages in Chromium, as a person uses them: the home page, the form with a mistake that is
 * fixed, the submission and its tracking link, then the reviewer's change request answered from the tracking
 * page; a wrong token. Every page passes axe-core; screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplyAndTrackBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
            Browser.screenshot(browser, "derniere-page-apply-and-track");
            System.out.println("Last page: " + browser.getCurrentUrl() + "\n"
                    + browser.findElement(org.openqa.selenium.By.tagName("main"))
                            .getText());
            String console = Browser.consoleOf(browser);
            if (!console.isBlank()) {
                System.out.println("Browser console:\n" + console);
            }
            browser.quit();
        }
    }

    @Test
    void anApplicantAppliesFixesAMistakeFollowsTheLinkAndAnswersAChangeRequest() {
        String siret = Samples.siret();
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Devenir un lieu #APTIC");
        Axe.assertNoSeriousViolation(browser, "/");
        Browser.screenshot(browser, "page-accueil");

        browser.findElement(By.linkText("Parcours libre")).click();
        wait.until(ExpectedConditions.urlContains("/devenir"));
        Axe.assertNoSeriousViolation(browser, "/devenir");
        browser.findElement(By.linkText("Commencer")).click();

        // 1. the organisation, with a SIRET whose checksum is wrong: said as it is typed, then on the server
        wait.until(ExpectedConditions.urlContains("/devenir/organisation"));
        type("siret", "12345678901234");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("siret-messages"), "clé de contrôle"));
        type("organisation-name", "Espace numérique des Cannes");
        type("organisation-legalForm", "Association loi 1901");
        type("contact-name", "Camille Martin");
        type("contact-email", "camille." + siret + "@exemple.org");
        type("legalRepresentative-name", "Dominique Leroy");
        type("legalRepresentative-email", "presidence@exemple.org");
        submit();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erreurs")));
        assertThat(summary.getText()).contains("Numéro SIRET");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("erreurs");
        assertThat(browser.getTitle()).startsWith("Erreur : ");
        assertThat(browser.findElement(By.id("organisation-name")).getAttribute("value"))
                .as("nothing typed is lost")
                .isEqualTo("Espace numérique des Cannes");
        Axe.assertNoSeriousViolation(browser, "/devenir/organisation with errors");
        Browser.screenshot(browser, "page-devenir-erreur");
        type("siret", siret);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("siret-messages"), "valide"));
        submit();

        // 2. the place
        wait.until(ExpectedConditions.urlContains("/devenir/lieux"));
        type("places-0-name", "Médiathèque des Cannes");
        type("places-0-address", "1 avenue de Paris");
        type("places-0-postalCode", "20000");
        type("places-0-commune", "Ajaccio");
        browser.findElement(By.cssSelector("label[for='places-0-kind']")).click();
        Axe.assertNoSeriousViolation(browser, "/devenir/lieux");
        submit();

        // 3. services
        wait.until(ExpectedConditions.urlContains("/devenir/services"));
        browser.findElement(By.cssSelector("label[for='places-0-services']")).click();
        type("places-0-servicesPerYear", "1800");
        browser.findElement(By.cssSelector("label[for='places-0-regulatedPrice']"))
                .click();
        submit();

        // 4. quality
        wait.until(ExpectedConditions.urlContains("/devenir/qualite"));
        type("quality-trainedMediators", "2");
        type("quality-openingHoursPerWeek", "30");
        browser.findElement(By.cssSelector("label[for='quality-accessible']")).click();
        Axe.assertNoSeriousViolation(browser, "/devenir/qualite");
        submit();

        // 5. charter: every commitment
        wait.until(ExpectedConditions.urlContains("/devenir/charte"));
        for (WebElement label : browser.findElements(By.cssSelector(".fr-checkbox-group label"))) {
            label.click();
        }
        Axe.assertNoSeriousViolation(browser, "/devenir/charte");
        submit();

        // 6. terms, 7. bank (left for later), 8. summary
        wait.until(ExpectedConditions.urlContains("/devenir/conditions"));
        browser.findElement(By.cssSelector("label[for='termsAccepted']")).click();
        Axe.assertNoSeriousViolation(browser, "/devenir/conditions");
        submit();
        wait.until(ExpectedConditions.urlContains("/devenir/banque"));
        Axe.assertNoSeriousViolation(browser, "/devenir/banque");
        submit();
        wait.until(ExpectedConditions.urlContains("/devenir/recapitulatif"));
        assertThat(browser.findElements(By.id("erreurs"))).isEmpty();
        Axe.assertNoSeriousViolation(browser, "/devenir/recapitulatif");
        Browser.screenshot(browser, "page-devenir-recapitulatif");
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer ma demande']"))
                .click();

        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lien-suivi")));
        String tracking = link.getAttribute("href");
        assertThat(tracking).matches(".*/suivi/[0-9a-f-]{36}\\?jeton=.+");
        Axe.assertNoSeriousViolation(browser, "submitted");
        Browser.screenshot(browser, "page-devenir-envoyee");

        // the receipt carries the same link; once sent, the outbox keeps the mail without its token
        String receipt = Mailbox.bodyTo(mail, "camille." + siret + "@exemple.org");
        assertThat(receipt).contains(tracking.substring(tracking.indexOf("/suivi/")));
        assertThat(jdbc.sql("select body from app_mail_outbox where sent_at is not null")
                        .query(String.class)
                        .list())
                .allMatch(body -> !body.contains(tracking.substring(tracking.indexOf("jeton=") + 6)));

        // the tracking page
        browser.get(tracking);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fr-badge")));
        String applicationId = tracking.replaceAll(".*/suivi/([0-9a-f-]{36}).*", "$1");
        Scenarios scenarios = new Scenarios(new ApiClient(port));
        wait.until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.cssSelector(".fr-badge"))
                    .getAttribute("textContent")
                    .strip()
                    .equals("En cours d'instruction");
        });
        assertThat(browser.getPageSource()).contains("Demande déposée").doesNotContain("UNDER_REVIEW");
        Axe.assertNoSeriousViolation(browser, "/suivi");
        Browser.screenshot(browser, "page-suivi");

        // the hub asks for changes; the applicant answers from the tracking page
        assertThat(scenarios
                        .complete(
                                Scenarios.CORSE_REVIEWER,
                                scenarios.taskId(applicationId, Scenarios.REVIEW_TASK),
                                Map.of(
                                        "decision",
                                        "REQUEST_CHANGES",
                                        "reason",
                                        "INCOMPLETE",
                                        "comment",
                                        "Horaires manquants"))
                        .status())
                .isEqualTo(204);
        browser.navigate().refresh();
        WebElement request = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complements")));
        assertThat(request.getText()).contains("le dossier est incomplet").contains("Horaires manquants");
        Axe.assertNoSeriousViolation(browser, "/suivi with a change request");
        Browser.screenshot(browser, "page-suivi-complements");
        browser.findElement(By.linkText("Compléter ma demande")).click();
        wait.until(ExpectedConditions.urlContains("/devenir/organisation"));
        assertThat(browser.findElement(By.id("siret")).getAttribute("value")).isEqualTo(siret);
        browser.get(url("/devenir/services"));
        type("places-0-openingHours", "Du lundi au vendredi, 9 h – 17 h");
        submit();
        browser.get(url("/devenir/recapitulatif"));
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer les compléments']"))
                .click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("contenu"), "Vos compléments sont envoyés"));
        assertThat(browser.getCurrentUrl()).contains("/suivi/" + applicationId);

        // a wrong token: the same page as an unknown application, in French
        browser.get(url("/suivi/" + applicationId + "?jeton=faux"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Demande introuvable");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("Espace numérique");
        Axe.assertNoSeriousViolation(browser, "/suivi with a wrong token");
    }

    private void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    private void submit() {
        browser.findElement(By.cssSelector("button[value='continuer']")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
