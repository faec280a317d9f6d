package fr.aptic.qualification.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationAccess;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.FreeQualificationProcess;
import fr.aptic.qualification.eligibility.EligibilityAssessmentProcess;
import fr.aptic.qualification.support.DirectoryCsv;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The paths of {@code bpmn/territorial-campaign.bpmn} the end-to-end flow does not take, with the real models,
 * delegates and decisions: places that find no candidate, an invitation left unanswered, an invited candidate
 * found ineligible, a contact answer the server refuses; and the review form of an over-served territory.
 * Timers are fired by hand. Each test works in its own département.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TerritorialCampaignProcessTest {

    static final Pattern INVITATION = Pattern.compile("invitation=([A-Za-z0-9_-]+)");

    @Autowired
    ProcessEngine engine;

    @Autowired
    InjectionService injections;

    @Autowired
    DirectoryImport directory;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CandidateApplications candidates;

    @Autowired
    FunnelService funnel;

    @Autowired
    ApplicationService applications;

    @Autowired
    ApplicationRepository applicationRecords;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    JdbcClient jdbc;

    final LocalDate today = ConsolidationService.today();

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @Test
    void placesWithoutCandidateEndAtOnceAndTheCampaignEndsWhenTheLastCandidateIsOut() throws Exception {
        String placeId = "ain-" + Samples.siret();
        importDirectory(DirectoryCsv.place(
                placeId, Samples.siret(), "Espace France Services", "01000", "01053", "Bourg-en-Bresse", today));

        // 50 000 € and no place: two places to recruit, one known candidate.
        InjectionService.Recorded recorded = inject("01", 5_000);
        assertThat(recorded.consolidation().placesToRecruit()).isEqualTo(2);
        ProcessInstance campaign = campaignInstance(recorded.campaignId());
        assertThat(campaign)
                .isWaitingAt(TerritorialCampaignProcess.CONTACT_CANDIDATE)
                .hasPassed(TerritorialCampaignProcess.END_CANDIDATES_EXHAUSTED);
        Task task = contactTask(campaign);
        assertThat(task).hasCandidateGroup("hub-hinaura");
        assertThat(task.getDueDate()).isInTheFuture();
        assertThat(task.getFollowUpDate()).isInTheFuture().isBefore(task.getDueDate());

        engine.getTaskService().complete(task.getId(), Map.of("outcome", "CLOSED", "comment", "Fermé depuis 2023"));

        assertThat(campaign).isEnded().hasPassed(TerritorialCampaignProcess.END_CAMPAIGN);
        assertThat(view(recorded.campaignId()))
                .returns("ENDED", CampaignView::status)
                .returns("CANDIDATES_EXHAUSTED", CampaignView::endReason);
        assertThat(jdbc.sql("select closed from app_directory_place where id = ?")
                        .param(placeId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void unansweredInvitationExpiresAndTheNextCandidateIsCalled() throws Exception {
        String first = Samples.siret();
        String second = Samples.siret();
        importDirectory(
                DirectoryCsv.place(
                        "allier-" + first, first, "Médiathèque de Moulins", "03000", "03190", "Moulins", today),
                DirectoryCsv.place(
                        "allier-" + second,
                        second,
                        "Cyber-base de Vichy",
                        "03200",
                        "03310",
                        "Vichy",
                        today.minusDays(1)));
        InjectionService.Recorded recorded = inject("03", 2_500);
        ProcessInstance campaign = campaignInstance(recorded.campaignId());

        String email = "contact@" + first + ".example.org";
        engine.getTaskService()
                .complete(contactTask(campaign).getId(), Map.of("outcome", "INTERESTED", "contactEmail", email));
        assertThat(campaign).isWaitingAt(TerritorialCampaignProcess.AWAIT_APPLICATION);
        String token = invitationTo(email);

        fireTimer(campaign);

        assertThat(campaign).hasPassed(TerritorialCampaignProcess.INVITATION_EXPIRED);
        assertThat(engine.getRuntimeService().getVariable(contactTask(campaign).getExecutionId(), "candidateSiret"))
                .isEqualTo(second);
        assertThat(outcomes(recorded.campaignId())).containsExactly("EXPIRED", "CONTACT_PENDING");
        assertThatThrownBy(() -> candidates.apply(
                        recorded.campaignId(), token, request(Samples.application(first, "03000", "03190", "Moulins"))))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void ineligibleApplicationSendsTheCampaignToTheNextCandidate() throws Exception {
        String first = Samples.siret();
        String second = Samples.siret();
        importDirectory(
                DirectoryCsv.place(
                        "isere-" + first, first, "Espace public numérique", "38000", "38185", "Grenoble", today),
                DirectoryCsv.place(
                        "isere-" + second, second, "La Turbine", "38100", "38185", "Grenoble", today.minusDays(1)));
        InjectionService.Recorded recorded = inject("38", 2_500);
        ProcessInstance campaign = campaignInstance(recorded.campaignId());
        String email = "direction@" + first + ".example.org";
        engine.getTaskService()
                .complete(contactTask(campaign).getId(), Map.of("outcome", "INTERESTED", "contactEmail", email));

        Map<String, Object> body = Samples.application(first, "38000", "38185", "Grenoble");
        Samples.firstPlace(body).put("services", List.of());
        ApplicationService.Submitted submitted =
                candidates.apply(recorded.campaignId(), invitationTo(email), request(body));

        assertThat(applicationRecords.findById(submitted.applicationId()).orElseThrow())
                .returns(ApplicationStatus.INELIGIBLE, a -> a.status())
                .returns(recorded.campaignId(), a -> a.campaignId());
        assertThat(engine.getRuntimeService().getVariable(contactTask(campaign).getExecutionId(), "candidateSiret"))
                .isEqualTo(second);
        assertThat(outcomes(recorded.campaignId())).containsExactly("INELIGIBLE", "CONTACT_PENDING");
        FunnelReport.Counts counts =
                funnel.report(null, null, recorded.campaignId(), national()).total();
        assertThat(counts.counts()).containsEntry("INELIGIBLE", 1L).containsEntry("QUALIFIED", 0L);
        assertThat(counts.inProgress()).isEqualTo(1);
        assertThat(counts.sorting())
                .filteredOn(share -> share.outcome().equals("INELIGIBLE"))
                .singleElement()
                .returns(1.0, FunnelReport.Share::share)
                .returns(0.2, FunnelReport.Share::expectedShare);
    }

    @Test
    void contactAnswerTheServerRefusesLeavesTheTaskOpen() throws Exception {
        String siret = Samples.siret();
        importDirectory(DirectoryCsv.place(
                "loire-" + siret, siret, "Maison des services", "42100", "42218", "Saint-Étienne", today));
        InjectionService.Recorded recorded = inject("42", 2_500);
        ProcessInstance campaign = campaignInstance(recorded.campaignId());
        String taskId = contactTask(campaign).getId();

        for (Map<String, Object> answer : List.of(
                Map.<String, Object>of("outcome", "PEUT-ETRE"),
                Map.<String, Object>of("outcome", "INTERESTED"),
                Map.<String, Object>of("outcome", "INTERESTED", "contactEmail", "pas une adresse"),
                Map.<String, Object>of("outcome", "DECLINED", "comment", "x".repeat(2001)))) {
            assertThatThrownBy(() -> engine.getTaskService().complete(taskId, answer))
                    .as("%s", answer)
                    .isInstanceOf(ProcessEngineException.class);
        }
        assertThat(contactTask(campaign).getId()).isEqualTo(taskId);
        assertThat(outcomes(recorded.campaignId())).containsExactly("CONTACT_PENDING");
    }

    @Test
    void reviewerOfAnOverServedTerritoryReadsThatANewEntrantDilutesIncome() throws Exception {
        QualifiedPlaces.seed(applicationRecords, "74", "74000", "74010", "Annecy", 10);
        InjectionService.Recorded recorded = inject("74", 9_000);
        assertThat(recorded.consolidation().status()).isEqualTo("OVER_SERVED");
        assertThat(recorded.campaignId()).isNull();

        ApplicationService.Submitted submitted = applications.submit(
                request(Samples.application(Samples.siret(), "74000", "74010", "Annecy")),
                ApplicationService.Origin.free());

        Task review = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(submitted.applicationId())
                .taskDefinitionKey(FreeQualificationProcess.REVIEW)
                .singleResult();
        assertThat(engine.getTaskService()
                        .getVariable(review.getId(), EligibilityAssessmentProcess.CONSOLIDATION_STATUS.name()))
                .isEqualTo("Sur-desservi : 9 000 €/lieu/an — un nouvel entrant dilue les revenus");
    }

    InjectionService.Recorded inject(String departement, int passes) {
        return injections.record(
                departement, new PassInjectionRequest("Conseil départemental", passes, 1000, today.minusDays(3)));
    }

    @SafeVarargs
    final void importDirectory(Map<String, String>... places) throws Exception {
        DirectoryCsv csv = new DirectoryCsv();
        for (Map<String, String> place : places) {
            csv.add(place);
        }
        DirectoryImport.Result result =
                directory.importCsv(new ByteArrayInputStream(csv.text().getBytes(StandardCharsets.UTF_8)));
        assertThat(result.rejected()).as("%s", result.errors()).isZero();
    }

    ProcessInstance campaignInstance(String campaignId) {
        assertThat(campaignId).isNotNull();
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(campaignId)
                .processDefinitionKey(TerritorialCampaignProcess.KEY)
                .singleResult();
    }

    Task contactTask(ProcessInstance campaign) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(campaign.getId())
                .taskDefinitionKey(TerritorialCampaignProcess.CONTACT_CANDIDATE)
                .singleResult();
    }

    void fireTimer(ProcessInstance campaign) {
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(campaign.getId())
                .timers()
                .singleResult();
        engine.getManagementService().executeJob(timer.getId());
    }

    CampaignView view(String campaignId) {
        return campaigns.view(campaignId, national());
    }

    List<String> outcomes(String campaignId) {
        return view(campaignId).candidates().stream()
                .map(CampaignView.CandidateView::outcome)
                .toList();
    }

    String invitationTo(String email) {
        String body = jdbc.sql("select body from app_mail_outbox where recipient = ? order by id desc")
                .param(email)
                .query(String.class)
                .list()
                .get(0);
        Matcher link = INVITATION.matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    ApplicationRequest request(Map<String, Object> body) {
        return objectMapper.convertValue(body, ApplicationRequest.class);
    }

    static ApplicationAccess national() {
        return new ApplicationAccess("national", Set.of("aptic-qualification"));
    }
}
