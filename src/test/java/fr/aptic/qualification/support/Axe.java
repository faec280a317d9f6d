package fr.aptic.qualification.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core over the page the browser shows: no serious or critical violation (the accessibility bar). */
public final class Axe {

    private Axe() {}

    public static void assertNoSeriousViolation(WebDriver driver, String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as("axe on %s: %s", page, describe(serious)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .limit(5)
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
