package fr.aptic.qualification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Axe;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * The renewal page in Chromium as a producer walks it: before the notice it only says when the renewal opens;
 * the link of the notice mail opens it with the confirmation button, and confirming renews for a year; a change of
 * hours and services on « Mettre à jour mes lieux » is assessed again and renews too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenewalBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    static final String CONFIRM = "Je confirme que ces informations sont toujours exactes";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    ChromeDriver browser;
    WebDriverWait wait;
    RenewalSteps steps;

    @BeforeEach
    void open() {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        steps = new RenewalSteps(new Scenarios(new ApiClient(port)), engine);
    }

    @AfterEach
    void close() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aProducerConfirmsFromTheNoticeLinkAndIsQualifiedForAnotherYear() {
        Submitted producer = steps.qualified();
        LocalDate today = LocalDate.now(RenewalSteps.PARIS);
        LocalDate opensOn = steps.nextTimerDay(producer);

        // before the notice, with the tracking token: the end date and the day it opens, no button
        browser.get(url("/renouvellement/" + producer.id() + "?jeton=" + producer.token()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Renouveler"));
        assertThat(text("fin-de-validite")).contains(LifecycleMails.DAY.format(today.plusYears(1)));
        assertThat(text("ouverture")).contains("Le renouvellement ouvre le " + LifecycleMails.DAY.format(opensOn));
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='" + CONFIRM + "']")))
                .isEmpty();
        assertThat(text("lieux")).contains("Ajaccio");
        assertThat(browser.findElements(By.cssSelector("#charte li"))).isNotEmpty();

        steps.fireNextTimer(producer);
        browser.get(url(RenewalSteps.renewalLink(mail, producer)));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + CONFIRM + "']")));
        assertThat(browser.findElements(By.id("ouverture"))).isEmpty();
        assertThat(browser.findElement(By.linkText("Des informations ont changé"))
                        .getAttribute("href"))
                .endsWith("#changements");
        Axe.assertNoSeriousViolation(browser, "/renouvellement, open");
        Browser.screenshot(browser, "page-renouvellement");

        browser.findElement(By.xpath("//button[normalize-space()='" + CONFIRM + "']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        String renewedUntil = LifecycleMails.DAY.format(today.plusYears(2));
        assertThat(text("confirmation"))
                .contains("Merci, votre confirmation est enregistrée", "valable jusqu’au " + renewedUntil);
        // no token in the address after the confirmation: the renewal link is spent
        assertThat(browser.getCurrentUrl()).endsWith("/renouvellement/" + producer.id() + "/confirme");
        Axe.assertNoSeriousViolation(browser, "/renouvellement, confirmed");
        Browser.screenshot(browser, "page-renouvellement-confirme");
    }

    @Test
    void aProducerChangesAPlacesHoursAndServicesAndIsRenewedAfterTheAssessment() {
        Submitted producer = steps.qualified();
        LocalDate today = LocalDate.now(RenewalSteps.PARIS);
        steps.fireNextTimer(producer);
        browser.get(url(RenewalSteps.renewalLink(mail, producer)));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Mettre à jour mes lieux")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mettre à jour mes lieux"));
        WebElement hours = browser.findElement(By.id("places-0-openingHours"));
        assertThat(hours.getAttribute("value")).isEqualTo("Mo-Fr 09:00-17:00");
        assertThat(browser.findElement(By.id("places-0-address")).getAttribute("value"))
                .isEqualTo("1 avenue de Paris");
        assertThat(text("contenu")).contains("envoie votre renouvellement à l’examen du hub");
        Axe.assertNoSeriousViolation(browser, "/renouvellement/modifier");
        Browser.screenshot(browser, "page-renouvellement-modifier");

        hours.clear();
        hours.sendKeys("Mo-Sa 09:00-18:00");
        String added = "Utilisation sécurisée du numérique";
        browser.findElement(By.xpath("//label[normalize-space()='" + added + "']"))
                .click();
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer et confirmer mon renouvellement']"))
                .click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        assertThat(text("confirmation"))
                .contains("réexaminée", "valable jusqu’au " + LifecycleMails.DAY.format(today.plusYears(2)));
        assertThat(browser.getCurrentUrl()).endsWith("/renouvellement/" + producer.id() + "/confirme");
        Axe.assertNoSeriousViolation(browser, "/renouvellement, changed and confirmed");
        Browser.screenshot(browser, "page-renouvellement-modifie");

        ApiClient api = new ApiClient(port);
        Reply qualification = api.get("/api/qualifications/" + producer.siret())
                .token(producer.token())
                .send();
        assertThat(qualification.json().get("status").asText()).isEqualTo("QUALIFIED");
        String map = api.get("/api/places?departement=2A").send().text();
        assertThat(map).contains(producer.siret(), "Mo-Sa 09:00-18:00", added);
    }

    @Test
    void theTrackingPageShowsTheEndDateAndLeadsToTheRenewalOnceOpen() {
        Submitted producer = steps.qualified();
        String tracking = url("/suivi/" + producer.id() + "?jeton=" + producer.token());
        browser.get(tracking);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qualification")));
        assertThat(text("qualification"))
                .contains("Qualification valable jusqu’au "
                        + LifecycleMails.DAY.format(
                                LocalDate.now(RenewalSteps.PARIS).plusYears(1)));
        assertThat(browser.findElements(By.linkText("Renouveler ma qualification")))
                .isEmpty();

        steps.fireNextTimer(producer);
        browser.get(tracking);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Renouveler ma qualification")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + CONFIRM + "']")));
        assertThat(text("contenu")).contains(producer.siret());
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
