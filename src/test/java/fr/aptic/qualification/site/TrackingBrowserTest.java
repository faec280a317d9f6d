package fr.aptic.qualification.site;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Axe;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The tracking page's other doors in Chromium: the bank details the contract step asks for (a wrong IBAN first),
 * and withdrawal with its confirmation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TrackingBrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;
    Scenarios scenarios;

    @BeforeEach
    void open() {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        scenarios = new Scenarios(new ApiClient(port));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anApprovedApplicantGivesTheBankDetailsTheContractAsksFor() {
        Map<String, Object> application = Samples.application();
        application.remove("bank");
        Scenarios.Submitted submitted = scenarios.submit(application);
        assertThat(scenarios
                        .complete(
                                Scenarios.CORSE_REVIEWER,
                                scenarios.taskId(submitted.id(), Scenarios.REVIEW_TASK),
                                Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(204);

        browser.get(url("/suivi/" + submitted.id() + "?jeton=" + submitted.token()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banque")));
        type("bank-holder", "Association Exemple");
        type("bank-iban", "FR76 1234 5678 9012 3456 7890 123");
        type("bank-bic", "AGRIFRPP");
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer mes coordonnées bancaires']"))
                .click();
        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erreurs")));
        assertThat(errors.getText()).contains("IBAN");
        assertThat(browser.findElement(By.id("bank-holder")).getAttribute("value"))
                .isEqualTo("Association Exemple");
        Axe.assertNoSeriousViolation(browser, "/suivi bank details with an error");
        Browser.screenshot(browser, "page-suivi-banque");

        type("bank-iban", Samples.iban());
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer mes coordonnées bancaires']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("contenu"), "Vos coordonnées bancaires sont envoyées"));
        assertThat(browser.findElements(By.id("banque"))).isEmpty();
    }

    @Test
    void anApplicantWithdrawsAfterConfirming() {
        Scenarios.Submitted submitted = scenarios.underReview();
        browser.get(url("/suivi/" + submitted.id() + "?jeton=" + submitted.token()));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Retirer ma demande")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Retirer ma demande"));
        Axe.assertNoSeriousViolation(browser, "/suivi/…/retrait");
        Browser.screenshot(browser, "page-suivi-retrait");
        browser.findElement(By.xpath("//button[normalize-space()='Oui, retirer ma demande']"))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contenu"), "Votre demande est retirée"));
        assertThat(browser.findElement(By.cssSelector(".fr-badge"))
                        .getAttribute("textContent")
                        .strip())
                .isEqualTo("Retirée");
        assertThat(browser.findElements(By.linkText("Retirer ma demande"))).isEmpty();
    }

    private void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
