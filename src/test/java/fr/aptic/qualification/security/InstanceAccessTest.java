package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link InstanceAccess} grants a group read access to an instance and its history once, whether the grant comes
 * in the transaction that started the instance (where it asks the database nothing), again in that transaction,
 * or in a later one.
 */
class InstanceAccessTest {

    static ProcessEngine engine;
    static InstanceAccess access;

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:instance-access;DB_CLOSE_DELAY=-1")
                        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                        .setJobExecutorActivate(false);
        JavaDelegate grantTwice = execution -> {
            access.grantRead(execution, "hub-a");
            access.grantRead(execution, "hub-a");
            access.grantRead(execution, "hub-b");
        };
        configuration.setBeans(Map.of("grantTwice", grantTwice));
        engine = configuration.buildProcessEngine();
        access = new InstanceAccess(engine.getAuthorizationService());
        BpmnModelInstance model = Bpmn.createExecutableProcess("granting")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Grant_AtStart")
                .camundaDelegateExpression("${grantTwice}")
                .userTask("Task_Wait")
                .serviceTask("Grant_Later")
                .camundaDelegateExpression("${grantTwice}")
                .userTask("Task_End")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("granting.bpmn", model)
                .deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void grantsOnceInTheStartingTransactionAndLater() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("granting");
        assertGrantedOnce(instance.getId());
        // granted without saveAuthorization's lookup of the historic instance, with what that lookup would give
        for (Resources resource : new Resources[] {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE}) {
            Authorization authorization = engine.getAuthorizationService()
                    .createAuthorizationQuery()
                    .groupIdIn("hub-a")
                    .resourceType(resource)
                    .resourceId(instance.getId())
                    .singleResult();
            assertThat(authorization.getRootProcessInstanceId()).isEqualTo(instance.getId());
            assertThat(authorization.getRemovalTime()).isNull();
            assertThat(authorization.isPermissionGranted(
                            resource == Resources.PROCESS_INSTANCE
                                    ? Permissions.READ
                                    : HistoricProcessInstancePermissions.READ))
                    .isTrue();
        }

        String waiting = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId();
        engine.getTaskService().complete(waiting);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("Task_End");
        assertGrantedOnce(instance.getId());
    }

    private static void assertGrantedOnce(String instanceId) {
        for (String group : new String[] {"hub-a", "hub-b"}) {
            for (Resources resource :
                    new Resources[] {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE}) {
                assertThat(engine.getAuthorizationService()
                                .createAuthorizationQuery()
                                .groupIdIn(group)
                                .resourceType(resource)
                                .resourceId(instanceId)
                                .count())
                        .as("%s on %s", group, resource)
                        .isEqualTo(1);
            }
        }
    }
}
