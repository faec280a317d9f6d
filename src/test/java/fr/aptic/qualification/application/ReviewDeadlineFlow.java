package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.security.AccessSetup;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Samples;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review's deadlines in working days of the place's territory: a review opened on the Thursday before Easter
 * 2027 falls due fifteen working days later, one day later in Moselle (Good Friday) than in Paris; its overdue
 * timer fires then, alerts the national team and leaves the review open; Tasklist's "En retard" filter lists it
 * for the hub and the national team. The engine's clock is moved, nothing waits. Run on H2 and PostgreSQL by the
 * subclasses.
 */
abstract class ReviewDeadlineFlow {

    /** The applicants' mails go somewhere, as in production. */
    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Thursday 25 March 2027, 10:00 in Paris: Good Friday, Easter and Easter Monday follow. */
    static final ZonedDateTime THURSDAY_BEFORE_EASTER = ZonedDateTime.of(2027, 3, 25, 10, 0, 0, 0, PARIS);

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationService applications;

    @Autowired
    ApplicationRepository repository;

    @Autowired
    ObjectMapper objectMapper;

    @BeforeEach
    void openOnTheThursdayBeforeEaster() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(THURSDAY_BEFORE_EASTER.toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aParisReviewFallsDueFifteenWorkingDaysLaterOverEaster() {
        ProcessInstance instance = submit("75001", "75056", "Paris");
        Task review = reviewOf(instance);

        assertThat(review).hasCandidateGroup("hub-francil-in");
        // Good Friday is worked in Paris; Easter Monday is not
        assertThat(review.getDueDate()).isEqualTo(at(2027, 4, 16));
        assertThat(review.getFollowUpDate()).isEqualTo(at(2027, 4, 9));
        assertThat(overdueTimer(instance).getDuedate()).isEqualTo(review.getDueDate());
    }

    @Test
    void aMoselleReviewFallsDueADayLaterAndItsTimerAlertsTheNationalTeamLeavingTheReviewOpen() {
        ProcessInstance instance = submit("57000", "57463", "Metz");
        Task review = reviewOf(instance);
        Job timer = overdueTimer(instance);

        assertThat(review).hasCandidateGroup("hub-hubest");
        // Good Friday and Easter Monday are off in Moselle
        assertThat(review.getDueDate()).isEqualTo(at(2027, 4, 19));
        assertThat(review.getFollowUpDate()).isEqualTo(at(2027, 4, 12));
        assertThat(timer.getDuedate()).isEqualTo(review.getDueDate());

        ClockUtil.setCurrentTime(
                Date.from(ZonedDateTime.of(2027, 4, 19, 9, 59, 0, 0, PARIS).toInstant()));
        assertThat(isDue(timer)).as("a minute before the due date").isFalse();
        assertThat(overdueTasks("reviewer-hubest", "hub-hubest")).doesNotContain(review.getId());

        ClockUtil.setCurrentTime(
                Date.from(ZonedDateTime.of(2027, 4, 19, 10, 1, 0, 0, PARIS).toInstant()));
        assertThat(isDue(timer)).isTrue();
        assertThat(overdueTasks("reviewer-hubest", "hub-hubest")).contains(review.getId());
        assertThat(overdueTasks("national", AccessSetup.NATIONAL)).contains(review.getId());
        assertThat(overdueTasks("reviewer-corse", "hub-corse")).doesNotContain(review.getId());
        engine.getManagementService().executeJob(timer.getId());

        assertThat(instance)
                .hasPassed(FreeQualificationProcess.REVIEW_OVERDUE)
                .isWaitingAt(FreeQualificationProcess.REVIEW);
        assertThat(reviewOf(instance).getId()).isEqualTo(review.getId());
        assertThat(reviewOf(instance)).hasCandidateGroup("hub-hubest").hasCandidateGroup(AccessSetup.NATIONAL);
        assertThat(repository.timeline(instance.getBusinessKey()))
                .extracting(TimelineEvent::event)
                .contains("REVIEW_OVERDUE");
    }

    @Test
    void theSharedFiltersAreCreatedOnceWithTheDemoData() {
        AccessSetup again = new AccessSetup(
                engine.getIdentityService(),
                engine.getAuthorizationService(),
                engine.getFilterService(),
                engine.getTaskService());
        again.ensure();

        for (String name : List.of(AccessSetup.OVERDUE, AccessSetup.FOLLOW_UP)) {
            assertThat(engine.getFilterService()
                            .createFilterQuery()
                            .filterName(name)
                            .count())
                    .as(name)
                    .isEqualTo(1);
        }
    }

    private ProcessInstance submit(String postalCode, String inseeCode, String commune) {
        Map<String, Object> body = Samples.application(Samples.siret(), postalCode, inseeCode, commune);
        ApplicationService.Submitted submitted = applications.store(
                objectMapper.convertValue(body, ApplicationRequest.class), ApplicationService.Origin.free());
        ProcessInstance instance = applications.start(submitted.applicationId(), ApplicationService.Origin.free());
        assertThat(instance).isWaitingAt(FreeQualificationProcess.REVIEW);
        return instance;
    }

    private Task reviewOf(ProcessInstance instance) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(FreeQualificationProcess.REVIEW)
                .singleResult();
    }

    private Job overdueTimer(ProcessInstance instance) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(FreeQualificationProcess.REVIEW_OVERDUE)
                .singleResult();
    }

    /** Whether the job executor would pick the timer now (the engine's clock). */
    private boolean isDue(Job timer) {
        return engine.getManagementService()
                        .createJobQuery()
                        .jobId(timer.getId())
                        .executable()
                        .count()
                == 1;
    }

    /** The ids of the tasks the user finds in Tasklist's "En retard" filter. */
    private List<String> overdueTasks(String user, String group) {
        var filters = engine.getFilterService();
        String filter = filters.createFilterQuery()
                .filterName(AccessSetup.OVERDUE)
                .singleResult()
                .getId();
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return filters.<Task>list(filter).stream().map(Task::getId).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Date at(int year, int month, int day) {
        return Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, PARIS).toInstant());
    }
}
