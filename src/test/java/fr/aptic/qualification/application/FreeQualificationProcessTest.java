package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.contracting.ContractingProcess;
import fr.aptic.qualification.support.Samples;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One test per path of {@code bpmn/free-qualification.bpmn}, with the real models, delegates and decision
 * tables on an in-memory database; timers are fired by hand (the job executor is off in tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FreeQualificationProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationService applications;

    @Autowired
    ApplicationRepository repository;

    @Autowired
    ObjectMapper objectMapper;

    TaskService tasks;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        tasks = engine.getTaskService();
    }

    @Test
    void applicationWithoutServiceEndsIneligibleWithItsReason() {
        Map<String, Object> body = Samples.application();
        Samples.firstPlace(body).put("services", List.of());
        ProcessInstance instance = submit(body);

        assertThat(instance).isEnded().hasPassed(FreeQualificationProcess.END_INELIGIBLE);
        Application application = application(instance);
        assertThat(application.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(application.reasons()).contains("NO_SERVICE");
    }

    @Test
    void refusedCharterCommitmentMakesTheApplicationIneligible() {
        Map<String, Object> body = Samples.application();
        @SuppressWarnings("unchecked")
        Map<String, Object> commitments =
                (Map<String, Object>) ((Map<String, Object>) body.get("charter")).get("commitments");
        commitments.put("NEUTRALITY", false);
        ProcessInstance instance = submit(body);

        assertThat(instance).isEnded().hasPassed(FreeQualificationProcess.END_INELIGIBLE);
        assertThat(application(instance).reasons()).containsExactly("NEUTRALITY");
    }

    @Test
    void routesCorsicanApplicationToHubCorse() {
        ProcessInstance instance = submit(Samples.application());

        assertThat(instance).isWaitingAt(FreeQualificationProcess.REVIEW);
        assertThat(taskOf(instance)).hasCandidateGroup("hub-corse");
        assertThat(taskOf(instance).getDueDate()).isInTheFuture();
        assertThat(taskOf(instance).getFollowUpDate())
                .isInTheFuture()
                .isBefore(taskOf(instance).getDueDate());
        assertThat(application(instance).status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
    }

    @Test
    void routesOverseasCollectivityToTheNationalTeam() {
        ProcessInstance instance = submit(Samples.application(Samples.siret(), "97133", "97701", "Saint-Barthélemy"));

        assertThat(instance).isWaitingAt(FreeQualificationProcess.REVIEW);
        assertThat(taskOf(instance)).hasCandidateGroup("aptic-qualification");
    }

    @Test
    void rejectedApplicationEndsRejectedWithTheReviewersReason() {
        ProcessInstance instance = submit(Samples.application());
        tasks.complete(
                taskOf(instance).getId(),
                Map.of("decision", "REJECT", "reason", "DUPLICATE", "comment", "Déjà qualifié"));

        assertThat(instance).isEnded().hasPassed(FreeQualificationProcess.END_REJECTED);
        Application application = application(instance);
        assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(application.outcome()).isEqualTo("REJECTED");
    }

    @Test
    void complementsReturnTheApplicationToReviewThenMissingBankDetailsAreAskedForAtContracting() throws Exception {
        Map<String, Object> body = Samples.application();
        body.remove("bank");
        ApplicationService.Submitted submitted = applications.submit(request(body), ApplicationService.Origin.free());
        ProcessInstance instance = instance(submitted.applicationId());
        tasks.complete(taskOf(instance).getId(), Map.of("decision", "REQUEST_CHANGES", "reason", "INCOMPLETE"));
        assertThat(instance).isWaitingAt(FreeQualificationProcess.AWAIT_COMPLEMENTS);
        assertThat(repository.findById(submitted.applicationId()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.CHANGES_REQUESTED);

        applications.complements(
                submitted.applicationId(),
                submitted.trackingToken(),
                objectMapper.readTree(
                        "{\"quality\": {\"trainedMediators\": 3, \"volunteers\": 0, \"openingHoursPerWeek\": 35,"
                                + " \"accessible\": true, \"yearsOfActivity\": 5}}"),
                ApplicationAccess.ANONYMOUS);
        assertThat(instance).isWaitingAt(FreeQualificationProcess.REVIEW);
        tasks.complete(taskOf(instance).getId(), Map.of("decision", "APPROVE"));

        ProcessInstance contracting = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ContractingProcess.KEY)
                .processInstanceBusinessKey(submitted.applicationId())
                .singleResult();
        assertThat(contracting).isWaitingAt(ContractingProcess.AWAIT_BANK_DETAILS);
        applications.complements(
                submitted.applicationId(),
                submitted.trackingToken(),
                objectMapper.readTree("{\"bank\": {\"holder\": \"Association\", \"iban\": \"" + Samples.iban()
                        + "\", \"bic\": \"AGRIFRPP\"}}"),
                ApplicationAccess.ANONYMOUS);
        assertThat(contracting).isWaitingAt(ContractingProcess.VALIDATE_BANK_DETAILS);
        Task bankTask = taskOf(contracting);
        assertThat(bankTask).hasCandidateGroup(ContractingProcess.BACK_OFFICE);
        assertThat(tasks.getVariablesLocal(bankTask.getId())).containsKeys("bankIban", "bankHolder", "bankBic");
        tasks.complete(bankTask.getId(), Map.of("bankValid", true));

        assertThat(instance).isEnded().hasPassed(FreeQualificationProcess.END_QUALIFIED);
        assertThat(repository.findById(submitted.applicationId()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.QUALIFIED);
    }

    @Test
    void unansweredChangeRequestExpiresAfterThirtyDays() {
        ProcessInstance instance = submit(Samples.application());
        tasks.complete(taskOf(instance).getId(), Map.of("decision", "REQUEST_CHANGES", "reason", "OUTDATED"));
        assertThat(instance).isWaitingAt(FreeQualificationProcess.AWAIT_COMPLEMENTS);

        execute(job(FreeQualificationProcess.COMPLEMENTS_OVERDUE, instance));

        assertThat(instance).isEnded().hasPassed(FreeQualificationProcess.END_EXPIRED);
        assertThat(application(instance).status()).isEqualTo(ApplicationStatus.EXPIRED);
    }

    @Test
    void overdueReviewAlertsTheNationalTeamWhoCanTakeItOver() {
        ProcessInstance instance = submit(Samples.application());

        execute(job(FreeQualificationProcess.REVIEW_OVERDUE, instance));

        assertThat(instance).isWaitingAt(FreeQualificationProcess.REVIEW);
        assertThat(taskOf(instance)).hasCandidateGroup("hub-corse").hasCandidateGroup("aptic-qualification");
        assertThat(repository.timeline(application(instance).id()))
                .extracting(TimelineEvent::event)
                .contains("REVIEW_OVERDUE");
    }

    @Test
    void withdrawalDuringReviewEndsTheProcessAndReleasesTheSiret() {
        Map<String, Object> body = Samples.application();
        ApplicationService.Submitted submitted = applications.submit(request(body), ApplicationService.Origin.free());
        ProcessInstance instance = instance(submitted.applicationId());

        applications.withdraw(submitted.applicationId(), submitted.trackingToken(), ApplicationAccess.ANONYMOUS);

        assertThat(instance).isEnded().hasPassed(FreeQualificationProcess.END_WITHDRAWN);
        assertThat(repository.findById(submitted.applicationId()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThatThrownBy(() -> applications.withdraw(
                        submitted.applicationId(), submitted.trackingToken(), ApplicationAccess.ANONYMOUS))
                .hasMessageContaining("close");
        // The same producer may apply again.
        assertThat(applications
                        .submit(request(body), ApplicationService.Origin.free())
                        .status())
                .isEqualTo(ApplicationStatus.SUBMITTED);
    }

    /** Stores and starts as a submission does, keeping the instance even when it ends at once. */
    private ProcessInstance submit(Map<String, Object> body) {
        ApplicationService.Submitted submitted = applications.store(request(body), ApplicationService.Origin.free());
        return applications.start(submitted.applicationId(), ApplicationService.Origin.free());
    }

    private ApplicationRequest request(Map<String, Object> body) {
        return objectMapper.convertValue(body, ApplicationRequest.class);
    }

    private ProcessInstance instance(String applicationId) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(FreeQualificationProcess.KEY)
                .processInstanceBusinessKey(applicationId)
                .singleResult();
    }

    private Application application(ProcessInstance instance) {
        return repository.findById(instance.getBusinessKey()).orElseThrow();
    }

    private Task taskOf(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
