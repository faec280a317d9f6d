package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NewTaskAuthorizationPlugin}: a task's candidate groups get the engine's default authorizations, once
 * each, without a database lookup when the task is created in the same transaction, and with one when a group is
 * added to an existing task.
 */
class NewTaskAuthorizationPluginTest {

    static final AtomicInteger lookups = new AtomicInteger();
    static ProcessEngine engine;

    static final class CountingProvider extends NewTaskAuthorizationPlugin.NewTaskAuthorizationProvider {
        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(
                String groupId, Resource resource, String resourceId) {
            lookups.incrementAndGet();
            return super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }
    }

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:new-task-authorizations;DB_CLOSE_DELAY=-1")
                        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                        .setJobExecutorActivate(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setEnableHistoricInstancePermissions(true);
        configuration.getProcessEnginePlugins().add(new NewTaskAuthorizationPlugin());
        engine = configuration.buildProcessEngine();
        assertThat(configuration.getResourceAuthorizationProvider())
                .isInstanceOf(NewTaskAuthorizationPlugin.NewTaskAuthorizationProvider.class);
        configuration.setResourceAuthorizationProvider(new CountingProvider());
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "candidates.bpmn",
                        Bpmn.createExecutableProcess("candidates")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("Task_Review")
                                .camundaCandidateGroups("hub-a, hub-b")
                                .endEvent()
                                .done())
                .deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void grantsCandidateGroupsTheirNewTaskWithoutLookingUpAndAnExistingOneWithALookup() {
        lookups.set(0);
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("candidates")
                .getId();
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult();
        assertThat(lookups).hasValue(0);
        assertGrantedOnce(task.getId(), "hub-a");
        assertGrantedOnce(task.getId(), "hub-b");

        // an existing task: the engine looks for the group's authorization and extends it, no second one
        engine.getTaskService().addCandidateGroup(task.getId(), "hub-a");
        engine.getTaskService().addCandidateGroup(task.getId(), "hub-c");
        assertThat(lookups.get()).isPositive();
        assertGrantedOnce(task.getId(), "hub-a");
        assertGrantedOnce(task.getId(), "hub-c");
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .groupIdIn("hub-a")
                        .resourceType(Resources.TASK)
                        .resourceId(task.getId())
                        .singleResult()
                        .isPermissionGranted(Permissions.READ))
                .isTrue();
    }

    private static void assertGrantedOnce(String taskId, String group) {
        for (Resources resource : new Resources[] {Resources.TASK, Resources.HISTORIC_TASK}) {
            assertThat(engine.getAuthorizationService()
                            .createAuthorizationQuery()
                            .groupIdIn(group)
                            .resourceType(resource)
                            .resourceId(taskId)
                            .count())
                    .as("%s on %s", group, resource)
                    .isEqualTo(1);
        }
    }
}
