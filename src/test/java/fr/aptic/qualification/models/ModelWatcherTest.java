package fr.aptic.qualification.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.aptic.qualification.security.ModelCodePlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models saved while the engine runs are deployed within seconds, changed files only, without disturbing
 * running instances; a refused model is logged and the watcher goes on. A folder of its own with a one-task
 * process, so instances can run without the app's delegates.
 */
class ModelWatcherTest {

    static final Duration INTERVAL = Duration.ofMillis(100);
    static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path models;

    ProcessEngine engine;
    RepositoryService repository;
    ModelWatcher watcher;

    @BeforeEach
    void startEngineAndWatcher() throws IOException {
        Files.createDirectories(models.resolve("bpmn"));
        Files.createDirectories(models.resolve("forms"));
        Files.writeString(models.resolve("bpmn/hot-reload.bpmn"), process("Traiter"));
        Files.writeString(models.resolve("forms/hot-reload.form"), "{\"id\": \"hot-reload\", \"components\": []}");
        var configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:watcher-" + System.nanoTime())
                        .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new ModelCodePlugin(name -> name.equals("identityService"))));
        engine = configuration.buildProcessEngine();
        repository = engine.getRepositoryService();
        ModelDeployment deployment = new ModelDeployment(repository);
        deployment.deploy(models);
        watcher = new ModelWatcher(deployment, models, INTERVAL);
        watcher.start();
    }

    @AfterEach
    void stop() {
        watcher.close();
        engine.close();
    }

    @Test
    void savedProcessBecomesANewVersionWhileRunningInstancesKeepTheirs() throws Exception {
        ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey("hot-reload");

        Files.writeString(models.resolve("bpmn/hot-reload.bpmn"), process("Traiter la demande"));

        await(() -> latestVersion() == 2);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(2);
        String latestDeployment = repository
                .createDeploymentQuery()
                .orderByDeploymentTime()
                .desc()
                .list()
                .get(0)
                .getId();
        assertThat(repository.getDeploymentResourceNames(latestDeployment)).containsExactly("bpmn/hot-reload.bpmn");
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(running.getId())
                        .singleResult()
                        .getProcessDefinitionId())
                .isEqualTo(running.getProcessDefinitionId());
        assertThat(engine.getRuntimeService()
                        .startProcessInstanceByKey("hot-reload")
                        .getProcessDefinitionId())
                .isNotEqualTo(running.getProcessDefinitionId());
    }

    @Test
    void fileTouchedOrRewrittenWithTheSameContentCreatesNoVersion() throws Exception {
        Path file = models.resolve("bpmn/hot-reload.bpmn");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        Files.write(file, Files.readAllBytes(file));

        Thread.sleep(INTERVAL.multipliedBy(10).toMillis());

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
        assertThat(latestVersion()).isEqualTo(1);
    }

    @Test
    void modelThatWouldRunCodeIsRefusedAndTheNextSaveIsDeployed() throws Exception {
        Files.writeString(
                models.resolve("bpmn/hot-reload.bpmn"),
                process("Traiter")
                        .replace(
                                "<bpmn:userTask id=\"Task_Handle\"",
                                "<bpmn:userTask camunda:assignee=\"${identityService.saveUser(null)}\""
                                        + " id=\"Task_Handle\""));
        Thread.sleep(INTERVAL.multipliedBy(10).toMillis());
        assertThat(latestVersion()).isEqualTo(1);

        Files.writeString(models.resolve("bpmn/hot-reload.bpmn"), process("Traiter à nouveau"));
        await(() -> latestVersion() == 2);
    }

    @Test
    void brokenModelIsRefusedAndTheNextSaveIsDeployed() throws Exception {
        Files.writeString(
                models.resolve("bpmn/hot-reload.bpmn"), process("Traiter").replace("</bpmn:process>", ""));
        Thread.sleep(INTERVAL.multipliedBy(10).toMillis());
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);

        Files.writeString(models.resolve("bpmn/hot-reload.bpmn"), process("Traiter, version corrigée"));

        await(() -> latestVersion() == 2);
    }

    @Test
    void refusalIsDescribedWithFileElementAndLine() {
        byte[] broken = process("Traiter")
                .replace("targetRef=\"EndEvent_Done\"", "targetRef=\"EndEvent_Missing\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ModelDeployment(repository).deploy(Map.of("bpmn/hot-reload.bpmn", broken)))
                .isInstanceOfSatisfying(
                        RuntimeException.class,
                        e -> assertThat(ModelWatcher.describe(e))
                                .contains("bpmn/hot-reload.bpmn", "element Flow_ToEnd", "line ", "EndEvent_Missing"));
    }

    private int latestVersion() {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("hot-reload")
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not deployed within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }

    private static String process(String taskName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_HotReload"
                    targetNamespace="https://aptic.fr/test">
                  <bpmn:process id="hot-reload" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="StartEvent_Started" />
                    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Started" targetRef="Task_Handle" />
                    <bpmn:userTask id="Task_Handle" name="%s" />
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Handle" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(taskName);
    }
}
