package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.Scenarios;
import java.time.Duration;
import java.util.List;
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
 * What a hub reviewer meets in Tasklist, in Chromium: a French login page, French menus with no Camunda 8 banner
 * and no "Créer une tâche" or "Démarrer un processus" (which the engine would refuse them), and the review form
 * telling the assessment and the territory's situation in words. An administrator, whom the engine lets do both,
 * is offered both menus.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistInFrenchBrowserTest {

    /** What the reviewers saw in English before (2026-12-05), and must not see again. */
    private static final List<String> ENGLISH = List.of(
            "Username",
            "Password",
            "Log in",
            "Log out",
            "Keyboard Shortcuts",
            "It is time to migrate",
            "Camunda 8",
            "Create task",
            "Start process",
            "All Tasks",
            "Filters",
            "Claim",
            "Created",
            "Follow-up",
            "Add a simple filter",
            "Select a task in the list");

    @LocalServerPort
    int port;

    @Test
    void aHubReviewerWorksInFrenchWithoutTheMenusTheEngineWouldRefuseThem() {
        new Scenarios(new ApiClient(port)).underReview();
        ChromeDriver browser = Browser.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
            browser.get(tasklist);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password']")));
            WebElement user = browser.findElement(By.cssSelector(".form-signin input[type='text']"));
            WebElement password = browser.findElement(By.cssSelector(".form-signin input[type='password']"));
            WebElement logIn = browser.findElement(By.cssSelector(".form-signin button[type='submit']"));
            wait.until(driver -> "Identifiant".equals(user.getDomAttribute("placeholder")));
            assertThat(password.getDomAttribute("placeholder")).isEqualTo("Mot de passe");
            assertThat(logIn.getText()).isEqualTo("Se connecter");
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("fr");
            assertNoEnglishAndNoBanner(browser);
            Browser.screenshot(browser, "tasklist-connexion");

            logIn(browser, wait, Scenarios.CORSE_REVIEWER);
            By groupTasks = By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Tâches de mon groupe')]");
            wait.until(ExpectedConditions.elementToBeClickable(groupTasks)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".tasks-list"), "Instruire la demande"));
            waitForTheMenusPlugin(browser, wait);
            assertThat(browser.findElements(By.cssSelector(".create-task-action, .start-process-action")))
                    .as("Tasklist's two menus, drawn and hidden")
                    .hasSize(2)
                    .noneMatch(WebElement::isDisplayed);
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .doesNotContain("Créer une tâche", "Démarrer un processus")
                    .contains("Tâches de mon groupe");
            assertThat(browser.getPageSource()).contains("Raccourcis clavier");
            assertNoEnglishAndNoBanner(browser);

            browser.findElement(
                            By.xpath("//*[contains(@class,'tasks-list')]//*[contains(text(),'Instruire la demande')]"))
                    .click();
            By claim = By.xpath("//*[contains(@class,'task-card') or contains(@class,'task-details')]"
                    + "//button[contains(@class,'claim')] | //*[contains(@class,'claim')]");
            wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
            By reasons = By.cssSelector("textarea[id$='Field_ReasonsInWords']");
            wait.until(driver -> !value(driver.findElements(reasons)).isBlank());
            assertThat(value(browser.findElements(reasons)))
                    .startsWith("Aucun motif relevé : les règles d'éligibilité jugent la demande éligible (score ");
            assertThat(value(browser.findElements(By.cssSelector("textarea[id$='Field_ConsolidationStatus']"))))
                    .matches("(Sur-desservi|Sous-desservi|Équilibré) : .+")
                    .doesNotContain("_SERVED", "BALANCED");
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains("Motifs relevés par les règles d'éligibilité", "Situation du territoire", "Décision");
            assertNoEnglishAndNoBanner(browser);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(reasons));
            Browser.screenshot(browser, "tasklist-instruction");

            // the engine lets an administrator create tasks and start processes: the menus are there for them
            browser.manage().deleteAllCookies();
            browser.get(tasklist);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password']")));
            logIn(browser, wait, Scenarios.ADMIN);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".create-task-action")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".start-process-action")));
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains("Créer une tâche", "Démarrer un processus");
            assertThat(Browser.consoleOf(browser)).doesNotContain("Content Security Policy", "aptic-menus");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "tasklist-french-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    private static void logIn(ChromeDriver browser, WebDriverWait wait, String user) {
        browser.findElement(By.cssSelector(".form-signin input[type='text']")).sendKeys(user);
        browser.findElement(By.cssSelector(".form-signin input[type='password']"))
                .sendKeys(Scenarios.PASSWORD);
        browser.findElement(By.cssSelector(".form-signin button[type='submit']"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".form-signin")));
    }

    /** Both questions aptic-menus.js asks the engine have been answered, and their answers applied. */
    private static void waitForTheMenusPlugin(ChromeDriver browser, WebDriverWait wait) {
        wait.until(driver -> ((Long) browser.executeScript("return performance.getEntriesByType('resource').filter(e =>"
                        + " e.name.includes('/authorization/check?') || e.name.includes('startablePermissionCheck'))"
                        + ".filter(e => e.responseEnd > 0).length"))
                >= 2);
        wait.until(driver ->
                (Boolean) browser.executeScript("return new Promise(done => setTimeout(() => done(true), 500))"));
    }

    private static void assertNoEnglishAndNoBanner(ChromeDriver browser) {
        String visible = browser.findElement(By.tagName("body")).getText();
        assertThat(visible).doesNotContain(ENGLISH.toArray(String[]::new));
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    }

    private static String value(List<WebElement> fields) {
        return fields.isEmpty() ? "" : String.valueOf(fields.get(0).getDomProperty("value"));
    }
}
