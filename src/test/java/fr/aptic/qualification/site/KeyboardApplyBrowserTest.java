package fr.aptic.qualification.site;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.Samples;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application form with the keyboard alone, as a person who does not use a mouse: every field is
 * reached with Tab in the page's order (never a click, never a script setting a value), typed into, ticked with
 * Space, sent with Enter. A mistake brings the focus to the error summary, whose link takes the focus to the
 * field; the skip link leads to the content. The submission ends on the tracking link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KeyboardApplyBrowserTest {

    /** More Tab presses than any step needs to reach a field: past that, the field is out of the keyboard's way. */
    static final int MAX_TABS = 120;

    @LocalServerPort
    int port;

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
            Browser.screenshot(browser, "derniere-page-clavier");
            browser.quit();
        }
    }

    @Test
    void anApplicantFillsAndSendsTheFormWithTheKeyboardAlone() {
        String siret = Samples.siret();
        browser.get(url("/devenir"));

        // the first Tab reaches the skip link, and Enter moves on to the content
        press(Keys.TAB);
        assertThat(focused("textContent").strip()).isEqualTo("Contenu");
        press(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#contenu");
        tabTo("a[href$='/devenir/organisation']");
        press(Keys.ENTER);

        // 1. the organisation, the SIRET mistyped
        wait.until(ExpectedConditions.urlContains("/devenir/organisation"));
        typeInto("#siret", "12345678901234");
        typeInto("#organisation-name", "Tiers-lieu du clavier");
        typeInto("#organisation-legalForm", "Association loi 1901");
        typeInto("#contact-name", "Alex Martin");
        typeInto("#contact-email", "alex." + siret + "@exemple.org");
        typeInto("#legalRepresentative-name", "Dominique Leroy");
        typeInto("#legalRepresentative-email", "presidence@exemple.org");
        sendForm();

        // the summary holds the focus; its link takes it to the field, where the number is typed again
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erreurs")));
        assertThat(focused("id")).isEqualTo("erreurs");
        press(Keys.TAB);
        assertThat(focused("textContent")).startsWith("Numéro SIRET");
        press(Keys.ENTER);
        assertThat(focused("id")).as("the error link focuses its field").isEqualTo("siret");
        new Actions(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .perform();
        press(Keys.BACK_SPACE, siret);
        sendForm();

        // 2. one place: the kind is a radio group, chosen with Space
        wait.until(ExpectedConditions.urlContains("/devenir/lieux"));
        typeInto("#places-0-name", "Tiers-lieu du clavier");
        typeInto("#places-0-address", "3 cours Napoléon");
        typeInto("#places-0-postalCode", "20000");
        typeInto("#places-0-commune", "Ajaccio");
        tabTo("#places-0-kind");
        press(Keys.SPACE);
        sendForm();

        // 3. services: a box ticked, a number, yes to the regulated price
        wait.until(ExpectedConditions.urlContains("/devenir/services"));
        tabTo("#places-0-services");
        press(Keys.SPACE);
        typeInto("#places-0-servicesPerYear", "900");
        tabTo("#places-0-regulatedPrice");
        press(Keys.SPACE);
        sendForm();

        // 4. quality
        wait.until(ExpectedConditions.urlContains("/devenir/qualite"));
        typeInto("#quality-trainedMediators", "1");
        typeInto("#quality-openingHoursPerWeek", "20");
        tabTo("#quality-accessible");
        press(Keys.SPACE);
        sendForm();

        // 5. charter: each commitment, Tab then Space
        wait.until(ExpectedConditions.urlContains("/devenir/charte"));
        int commitments =
                browser.findElements(By.cssSelector("input[name^='charter.']")).size();
        assertThat(commitments).isPositive();
        tabTo("#charter");
        press(Keys.SPACE);
        for (int i = 1; i < commitments; i++) {
            press(Keys.TAB);
            assertThat(focused("name")).startsWith("charter.");
            press(Keys.SPACE);
        }
        assertThat(browser.findElements(By.cssSelector("input[name^='charter.']:checked")))
                .hasSize(commitments);
        sendForm();

        // 6. terms, 7. bank left for later
        wait.until(ExpectedConditions.urlContains("/devenir/conditions"));
        tabTo("#termsAccepted");
        press(Keys.SPACE);
        sendForm();
        wait.until(ExpectedConditions.urlContains("/devenir/banque"));
        sendForm();

        // 8. the summary, then the separate sending form
        wait.until(ExpectedConditions.urlContains("/devenir/recapitulatif"));
        assertThat(browser.findElements(By.id("erreurs"))).isEmpty();
        tabTo("form[action$='/devenir/envoi'] button");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lien-suivi")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        Browser.screenshot(browser, "page-devenir-clavier-envoyee");
    }

    /** Presses Tab until the focus is on the element, typing there: the field is reached as a keyboard user would. */
    private void typeInto(String css, String text) {
        tabTo(css);
        press(text);
    }

    /** Tab until the focused element matches; fails if it is never reached (skipped by the keyboard or hidden). */
    private void tabTo(String css) {
        for (int i = 0; i < MAX_TABS; i++) {
            Boolean there = (Boolean) browser.executeScript(
                    "return document.activeElement != null && document.activeElement.matches(arguments[0])", css);
            if (Boolean.TRUE.equals(there)) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError(css + " not reached with " + MAX_TABS + " Tab presses on " + browser.getCurrentUrl()
                + " (last focus: " + focused("outerHTML") + ")");
    }

    /** The form's "Enregistrer et continuer", reached with Tab and pressed with Enter. */
    private void sendForm() {
        tabTo("button[value='continuer']");
        press(Keys.ENTER);
    }

    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private String focused(String property) {
        Object value = browser.executeScript(
                "return document.activeElement == null ? null : String(document.activeElement[arguments[0]]"
                        + " ?? document.activeElement.getAttribute(arguments[0]))",
                property);
        return value == null ? "" : value.toString();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
