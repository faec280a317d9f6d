package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Browser;
import fr.aptic.qualification.support.Scenarios;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist's own filters work as before the expression check, in a real browser: the Corsican hub's reviewer
 * logs in, opens "Tâches de mon groupe" ({@code ${currentUserGroups()}}) and sees the review routed to the hub,
 * claims it, and finds it under "Mes tâches" ({@code ${currentUser()}}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFiltersBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aHubReviewerFindsTheReviewUnderTasklistsOwnFilters() {
        ChromeDriver browser = Browser.open();
        try {
            new Scenarios(new ApiClient(port)).underReview();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password']")));
            browser.findElement(By.cssSelector("input[type='text']")).sendKeys("reviewer-corse");
            browser.findElement(By.cssSelector("input[type='password']")).sendKeys(Scenarios.PASSWORD);
            browser.findElement(By.cssSelector("button[type='submit']")).click();

            By groupTasks = By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Tâches de mon groupe')]");
            wait.until(ExpectedConditions.elementToBeClickable(groupTasks)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".tasks-list"), "Instruire la demande"));
            Browser.screenshot(browser, "tasklist-group-tasks");

            browser.findElement(
                            By.xpath("//*[contains(@class,'tasks-list')]//*[contains(text(),'Instruire la demande')]"))
                    .click();
            By claim = By.xpath("//*[contains(@class,'task-card') or contains(@class,'task-details')]"
                    + "//button[contains(@class,'claim')] | //*[contains(@class,'claim')]");
            wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
            By myTasks = By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Mes tâches')]");
            wait.until(ExpectedConditions.elementToBeClickable(myTasks)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".tasks-list"), "Instruire la demande"));
            Browser.screenshot(browser, "tasklist-my-tasks");
            assertThat(browser.getPageSource()).doesNotContain("Expression refusée");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "tasklist-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }
}
