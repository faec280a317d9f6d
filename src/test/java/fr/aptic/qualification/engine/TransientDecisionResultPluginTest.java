package fr.aptic.qualification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A business rule task's transient {@code decisionResult} stays an object in memory ({@link
 * TransientDecisionResultPlugin}): output mappings read it as before, its mapped result variable is stored as
 * before, a decision result copied into a stored variable is serialized as before, and nothing else changes
 * serializer.
 */
class TransientDecisionResultPluginTest {

    static final String DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test"
                xmlns:camunda="http://camunda.org/schema/1.0/dmn">
              <decision id="routing" name="Routing" camunda:historyTimeToLive="1">
                <decisionTable id="t" hitPolicy="UNIQUE">
                  <input id="i" label="Path"><inputExpression id="e" typeRef="string"><text>path</text></inputExpression></input>
                  <output id="o" name="group" typeRef="string" />
                  <rule id="r1"><inputEntry id="r1i"><text>"NETWORK"</text></inputEntry><outputEntry id="r1o"><text>"network-a"</text></outputEntry></rule>
                  <rule id="r2"><inputEntry id="r2i"><text>not("NETWORK")</text></inputEntry><outputEntry id="r2o"><text>"hub-a"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:transient-decision-result;DB_CLOSE_DELAY=-1")
                        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                        .setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new TransientDecisionResultPlugin());
        engine = configuration.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess("routing-process")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .businessRuleTask("Rule_Routing")
                .camundaDecisionRef("routing")
                .camundaMapDecisionResult("singleEntry")
                .camundaResultVariable("group")
                .camundaOutputParameter("groupFromResult", "${decisionResult.getSingleResult().getEntry('group')}")
                .camundaOutputParameter("wholeResult", "${decisionResult}")
                .userTask("Task_Wait")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("routing.bpmn", model)
                .addString("routing.dmn", DMN)
                .deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void outputMappingsReadTheResultAndStoredCopiesAreSerializedAsBefore() {
        ProcessInstance instance =
                engine.getRuntimeService().startProcessInstanceByKey("routing-process", Map.of("path", "NETWORK"));

        Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
        assertThat(variables)
                .containsEntry("group", "network-a")
                .containsEntry("groupFromResult", "network-a")
                .doesNotContainKey("decisionResult");
        assertThat(variables.get("wholeResult")).isInstanceOf(DmnDecisionResult.class);
        VariableInstance stored = engine.getRuntimeService()
                .createVariableInstanceQuery()
                .processInstanceIdIn(instance.getId())
                .variableName("wholeResult")
                .singleResult();
        assertThat(stored.getTypeName()).isEqualTo("object");
        assertThat(((DmnDecisionResult) stored.getValue()).getSingleResult().<String>getEntry("group"))
                .isEqualTo("network-a");
    }

    @Test
    void handlesTransientDecisionResultsOnly() {
        TransientDecisionResultPlugin.TransientDecisionResultSerializer serializer =
                new TransientDecisionResultPlugin.TransientDecisionResultSerializer();
        DmnDecisionResult result = engine.getDecisionService()
                .evaluateDecisionByKey("routing")
                .variables(Map.of("path", "FREE"))
                .evaluate();
        assertThat(serializer.canHandle(Variables.untypedValue(result, true))).isTrue();
        assertThat(serializer.canHandle(Variables.untypedValue(result, false))).isFalse();
        assertThat(serializer.canHandle(Variables.untypedValue("text", true))).isFalse();
        assertThat(serializer.canHandle(Variables.objectValue(result, true).create()))
                .isTrue();
    }
}
