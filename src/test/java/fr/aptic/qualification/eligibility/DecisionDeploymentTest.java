package fr.aptic.qualification.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The models of {@code dmn/} deploy to a real process engine and evaluate there as they do in the DMN engine. */
class DecisionDeploymentTest {

    private static ProcessEngine processEngine;

    @BeforeAll
    static void deployEveryModel() throws IOException {
        processEngine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:decision-deployment;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                // A name of its own: closing an engine called "default" would unregister the application's engine,
                // which the engine REST API looks up by that name, when both run in one test JVM.
                .setProcessEngineName("decision-deployment-test")
                .buildProcessEngine();
        DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment();
        try (Stream<Path> files = Files.list(DecisionModels.DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    deployment.addInputStream("dmn/" + file.getFileName(), in);
                }
            }
            deployment.deploy();
        }
    }

    @AfterAll
    static void closeEngine() {
        processEngine.close();
    }

    @Test
    void deploysTheDecisionKeysOfTheContractEachKeptHundredAndEightyDaysInHistory() {
        List<DecisionDefinition> definitions = processEngine
                .getRepositoryService()
                .createDecisionDefinitionQuery()
                .list();

        assertThat(definitions)
                .extracting(DecisionDefinition::getKey)
                .contains(
                        "eligibility",
                        "charter-compliance",
                        "hub-routing",
                        "review-routing",
                        "territorial-need",
                        "network-audit");
        assertThat(definitions)
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as(definition.getKey())
                        .isEqualTo(180));
    }

    @Test
    void evaluatesEligibilityThroughTheDecisionService() {
        var result = processEngine
                .getDecisionService()
                .evaluateDecisionByKey("eligibility")
                .variables(Variables.fromMap(Applicants.typicalFreeApplicant()))
                .evaluate()
                .getSingleResult();

        assertThat(result.<Boolean>getEntry("eligible")).isTrue();
        assertThat(result.<Integer>getEntry("score")).isEqualTo(85);
    }
}
