package fr.aptic.qualification.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The settings the application ships: every task key the models name has its deadlines. */
class DeadlineSettingsTest {

    private static final Pattern CALL =
            Pattern.compile("\\$\\{deadlines\\.(?:due|followUp)\\(execution, '([\\w-]+)'\\)}");

    @Test
    void everyTaskTheModelsNameHasItsDeadlines() throws IOException {
        Deadlines deadlines = new Deadlines(shipped());
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.toList()) {
                Matcher matcher = CALL.matcher(Files.readString(file));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }

        assertThat(named)
                .containsExactlyInAnyOrder(
                        "review-application",
                        "attest-member",
                        "audit-member",
                        "validate-bank-details",
                        "contact-candidate",
                        "review-renewal",
                        "decide-revocation")
                .allSatisfy(task -> assertThat(deadlines.isSet(task)).as(task).isTrue());
    }

    @Test
    void theHubsReviewFallsDueInFifteenWorkingDaysAndTheNationalTasksFollowMetropolitanFrance() throws IOException {
        var settings = Binder.get(shipped())
                .bind("aptic.deadlines", Bindable.mapOf(String.class, TaskDeadline.class))
                .get();

        assertThat(settings.get("review-application")).isEqualTo(new TaskDeadline(15, 10, false));
        assertThat(settings.get("attest-member")).isEqualTo(new TaskDeadline(30, 20, false));
        assertThat(settings.get("audit-member")).isEqualTo(new TaskDeadline(10, 7, true));
        assertThat(settings.get("validate-bank-details")).isEqualTo(new TaskDeadline(5, 3, true));
        assertThat(settings.get("contact-candidate")).isEqualTo(new TaskDeadline(5, 3, false));
        assertThat(settings.get("review-renewal")).isEqualTo(new TaskDeadline(15, 10, false));
        assertThat(settings.get("decide-revocation")).isEqualTo(new TaskDeadline(10, 5, true));
    }

    private static StandardEnvironment shipped() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }
}
