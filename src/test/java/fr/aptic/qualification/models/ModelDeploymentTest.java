package fr.aptic.qualification.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model deployment keeps resource names stable: a restart with unchanged models, or the same models in a
 * checkout moved elsewhere, creates no new version; a changed file creates a version of that file only.
 */
class ModelDeploymentTest {

    @TempDir
    Path temp;

    @Test
    void restartWithUnchangedModelsCreatesNoNewVersion() throws IOException {
        Path checkout = copyModels(temp.resolve("checkout"));
        String url = "jdbc:h2:file:" + temp.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        ProcessEngine first = engine(url);
        assertThat(new ModelDeployment(first.getRepositoryService()).deploy(checkout))
                .isPresent();
        long definitions =
                first.getRepositoryService().createProcessDefinitionQuery().count();
        first.close();

        ProcessEngine restarted = engine(url);
        try {
            assertThat(new ModelDeployment(restarted.getRepositoryService()).deploy(checkout))
                    .isEmpty();
            assertThat(restarted
                            .getRepositoryService()
                            .createProcessDefinitionQuery()
                            .count())
                    .isEqualTo(definitions);
            assertThat(restarted.getRepositoryService().createDeploymentQuery().count())
                    .isEqualTo(1);
        } finally {
            restarted.close();
        }
    }

    @Test
    void movedCheckoutCreatesNoNewVersionAndAChangedFileOnlyItsOwn() throws IOException {
        ProcessEngine engine = engine("jdbc:h2:mem:moved-" + System.nanoTime());
        try {
            RepositoryService repository = engine.getRepositoryService();
            ModelDeployment deployment = new ModelDeployment(repository);
            assertThat(deployment.deploy(copyModels(temp.resolve("here")))).isPresent();
            Path moved = copyModels(temp.resolve("somewhere/else/entirely"));
            assertThat(deployment.deploy(moved)).isEmpty();

            Path review = moved.resolve("bpmn/free-qualification.bpmn");
            Files.writeString(
                    review,
                    Files.readString(review)
                            .replace("Instruire la demande\"", "Instruire la demande de qualification\""));
            var changed = deployment.deploy(moved);
            assertThat(changed).isPresent();
            assertThat(repository.getDeploymentResourceNames(changed.get().getId()))
                    .containsExactly("bpmn/free-qualification.bpmn");
            assertThat(repository
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("free-qualification")
                            .latestVersion()
                            .singleResult()
                            .getVersion())
                    .isEqualTo(2);
            assertThat(repository
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("contracting")
                            .latestVersion()
                            .singleResult()
                            .getVersion())
                    .isEqualTo(1);
            assertThat(repository
                            .createDecisionDefinitionQuery()
                            .decisionDefinitionKey("eligibility")
                            .latestVersion()
                            .singleResult()
                            .getVersion())
                    .isEqualTo(1);
        } finally {
            engine.close();
        }
    }

    @Test
    void packagedModelsCarryTheSameNamesAsTheFolder() {
        assertThat(ModelDeployment.readClasspath().keySet())
                .isEqualTo(ModelDeployment.readFolder(Path.of(".")).keySet())
                .contains("bpmn/free-qualification.bpmn", "dmn/eligibility.dmn", "forms/review-application.form");
    }

    private static ProcessEngine engine(String url) {
        return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url)
                .setJdbcUsername("sa")
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setProcessEngineName("deployment-test-" + System.nanoTime())
                .buildProcessEngine();
    }

    private static Path copyModels(Path target) throws IOException {
        for (String folder : ModelDeployment.FOLDERS) {
            Path source = Path.of(folder);
            Files.createDirectories(target.resolve(folder));
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(ModelDeployment::isModel)
                        .toList()) {
                    Files.writeString(
                            target.resolve(folder).resolve(file.getFileName()),
                            Files.readString(file, StandardCharsets.UTF_8),
                            StandardCharsets.UTF_8);
                }
            }
        }
        return target;
    }
}
