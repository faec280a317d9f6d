package fr.aptic.qualification.history;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.application.FreeQualificationProcess;
import fr.aptic.qualification.eligibility.EligibilityAssessmentProcess;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application runs with history level {@code full-lean}: what {@code full} records, without the eligibility
 * assessment's copies of its caller's variables; the caller's variables keep their details, decisions their
 * inputs and outputs, and the database sees the id of {@code full}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeanHistoryLevelTest {

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    ProcessEngineConfiguration configuration;

    @Test
    void recordsWhatFullRecordsLessTheAssessmentsCopiedVariables() {
        assertThat(((ProcessEngineConfigurationImpl) configuration).getHistoryLevel())
                .isInstanceOf(LeanHistoryLevel.class);
        assertThat(management.getHistoryLevel()).isEqualTo(ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL);

        Submitted submitted = new Scenarios(new ApiClient(port)).underReview();
        HistoricProcessInstance caller = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.id())
                .processDefinitionKey(FreeQualificationProcess.KEY)
                .singleResult();
        HistoricProcessInstance assessment = history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(caller.getId())
                .processDefinitionKey(EligibilityAssessmentProcess.KEY)
                .singleResult();
        assertThat(assessment).isNotNull();

        // the caller keeps its variables' history, with the values the assessment gave back
        List<String> callerVariables =
                history.createHistoricVariableInstanceQuery().processInstanceId(caller.getId()).list().stream()
                        .map(HistoricVariableInstance::getName)
                        .toList();
        assertThat(callerVariables).contains("applicationId", "eligible", "score", "reviewGroup", "departement");
        // outside the bulk processes, the values copied back are detailed from their creation
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(caller.getId())
                        .variableUpdates()
                        .list())
                .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
                .contains("applicationId", "eligible", "score");
        // the assessment's copies are not written again, neither as variables nor as details
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(assessment.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(assessment.getId())
                        .count())
                .isZero();

        // activities and decisions, with their inputs and outputs, are recorded as at full
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(assessment.getId())
                        .list())
                .extracting(a -> a.getActivityId())
                .contains(
                        "StartEvent_AssessmentRequested",
                        "BusinessRuleTask_Eligibility",
                        "Gateway_HubReview",
                        "BusinessRuleTask_HubRouting",
                        "EndEvent_Assessed");
        List<HistoricDecisionInstance> decisions = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(assessment.getId())
                .includeInputs()
                .includeOutputs()
                .list();
        assertThat(decisions)
                .extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
                .contains("eligibility", "eligibility-knockouts", "charter-compliance", "hub-routing");
        HistoricDecisionInstance eligibility = decisions.stream()
                .filter(d -> d.getDecisionDefinitionKey().equals("eligibility"))
                .findFirst()
                .orElseThrow();
        assertThat(eligibility.getOutputs())
                .extracting(o -> o.getVariableName())
                .contains("eligible", "score");
        assertThat(eligibility.getInputs()).hasSize(2);
        // a list input (the accepted commitments) and a date input are written as text, readable in Cockpit
        HistoricDecisionInstance refusals = decisions.stream()
                .filter(d -> d.getDecisionDefinitionKey().equals("charter-refusals"))
                .findFirst()
                .orElseThrow();
        assertThat(refusals.getInputs())
                .filteredOn(i -> i.getTypeName().equals("string"))
                .extracting(i -> (String) i.getValue())
                .anySatisfy(v -> assertThat(v).startsWith("[\""));
        HistoricDecisionInstance knockouts = decisions.stream()
                .filter(d -> d.getDecisionDefinitionKey().equals("eligibility-knockouts"))
                .findFirst()
                .orElseThrow();
        assertThat(knockouts.getInputs())
                .extracting(i -> String.valueOf(i.getValue()))
                .anySatisfy(v -> assertThat(v).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(decisions.stream().flatMap(d -> d.getInputs().stream()).map(i -> i.getTypeName()))
                .doesNotContain("object");
    }
}
