package fr.aptic.qualification.lifecycle;

import static fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The life of a qualification, with the engine's clock moved ({@code ClockUtil}) and each due timer fired by hand
 * (the job executor is off in tests): renewal on time, late within the delay, lapse, revocation and reinstatement,
 * a report decided in Tasklist. Each asserts the map, the open-data export and the timeline. Run on H2 and on
 * PostgreSQL by the subclasses.
 */
abstract class QualificationLifecycleFlow {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Pattern RENEWAL_LINK = Pattern.compile("/renouvellement/([0-9a-f-]{36})\\?jeton=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    fr.aptic.qualification.application.ApplicationRepository repository;

    @Autowired
    LifecycleBackfill backfill;

    ApiClient api;
    Scenarios scenarios;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        api = new ApiClient(port);
        scenarios = new Scenarios(api);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void confirmedOnTimeRenewsForAnotherYearAndStaysOnTheMap() {
        Submitted producer = qualified();
        LocalDate today = LocalDate.now(PARIS);
        JsonNode qualification = qualification(producer);
        assertThat(qualification.get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(qualification.get("validUntil").asText())
                .isEqualTo(today.plusYears(1).toString());
        assertThat(qualification.get("renewalOpen").asBoolean()).isFalse();
        // before the notices, there is nothing to confirm
        assertThat(renew(producer.id(), producer.token(), Map.of()).status()).isEqualTo(409);

        fire(FIRST_NOTICE_DUE, producer);
        String token = renewalToken(producer);
        assertThat(qualification(producer).get("renewalOpen").asBoolean()).isTrue();
        // a wrong token reads like a missing application
        assertThat(renew(producer.id(), "not-the-token", Map.of()).status()).isEqualTo(404);
        Reply renewed = renew(producer.id(), token, Map.of());
        assertThat(renewed.status()).as("%s", renewed).isEqualTo(200);

        JsonNode after = qualification(producer);
        assertThat(after.get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(after.get("validUntil").asText())
                .isEqualTo(today.plusYears(2).toString());
        assertThat(onMap(producer)).isTrue();
        assertThat(inExport(producer)).isTrue();
        assertThat(events(producer))
                .containsSubsequence(
                        "QUALIFIED", "TERM_OPENED", "RENEWAL_NOTICE", "RENEWAL_CONFIRMED", "RENEWED", "TERM_OPENED");
        BpmnAwareTests.assertThat(instance(producer)).isWaitingAt(FIRST_NOTICE_DUE);
        assertThat(lastMailTo(producer)).contains("renouvelée jusqu'au");
    }

    @Test
    void lapsesOffTheMapTheSameDayAndIsTakenUpWithinNinetyDays() {
        Submitted producer = qualified();
        fire(FIRST_NOTICE_DUE, producer);
        fire(SECOND_NOTICE_DUE, producer);
        assertThat(events(producer).stream().filter("RENEWAL_NOTICE"::equals)).hasSize(2);
        fire(TERM_ENDS, producer);

        JsonNode lapsed = qualification(producer);
        assertThat(lapsed.get("status").asText()).isEqualTo("LAPSED");
        assertThat(lapsed.get("canBeTakenUpUntil").asText())
                .isEqualTo(LocalDate.now(PARIS).plusYears(1).plusDays(90).toString());
        assertThat(onMap(producer)).isFalse();
        assertThat(inExport(producer)).isFalse();
        assertThat(lastMailTo("reviewer-corse@demo.aptic.fr")).contains(producer.siret());
        // the SIRET stays with the lapsed qualification while it can be taken up
        assertThat(api.post("/api/applications")
                        .json(Samples.application(producer.siret(), "20000", "2A004", "Ajaccio"))
                        .send()
                        .status())
                .isEqualTo(409);

        String token = renewalToken(producer);
        Reply late = renew(producer.id(), token, Map.of());
        assertThat(late.status()).as("%s", late).isEqualTo(200);
        assertThat(qualification(producer).get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(onMap(producer)).isTrue();
        assertThat(inExport(producer)).isTrue();
        assertThat(events(producer)).containsSubsequence("LAPSED", "RENEWAL_CONFIRMED", "REINSTATED", "TERM_OPENED");
    }

    @Test
    void lapsedForNinetyDaysNeedsANewApplication() {
        Submitted producer = qualified();
        fire(FIRST_NOTICE_DUE, producer);
        fire(SECOND_NOTICE_DUE, producer);
        fire(TERM_ENDS, producer);
        String token = renewalToken(producer);
        ProcessInstance lifecycle = instance(producer);
        fire(GRACE_ENDS, producer);

        BpmnAwareTests.assertThat(lifecycle)
                .hasPassedInOrder(TERM_ENDS, "ServiceTask_Lapse", GRACE_ENDS, "ServiceTask_CloseLapsed", END_LAPSED)
                .isEnded();
        assertThat(qualification(producer).get("status").asText()).isEqualTo("LAPSED");
        assertThat(renew(producer.id(), token, Map.of()).status()).isEqualTo(409);
        assertThat(onMap(producer)).isFalse();
        assertThat(events(producer)).endsWith("LAPSE_FINAL");
        // the SIRET is free again
        assertThat(api.post("/api/applications")
                        .json(Samples.application(producer.siret(), "20000", "2A004", "Ajaccio"))
                        .send()
                        .status())
                .isEqualTo(201);
    }

    @Test
    void revokedByTheNationalTeamThroughTheApiAndReinstatedOnlyByThem() {
        Submitted producer = qualified();
        String path = "/api/qualifications/" + producer.siret();

        Reply unknown = api.post(path + "/revocation")
                .basic("national", "demo")
                .json(Map.of("reason", "NOT_A_REASON", "comment", "x"))
                .send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("\"field\":\"reason\"").contains("CHARTER_BREACH");
        assertThat(api.post(path + "/revocation")
                        .basic("reviewer-corse", "demo")
                        .json(Map.of("reason", "CHARTER_BREACH"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post(path + "/revocation")
                        .json(Map.of("reason", "CHARTER_BREACH"))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(qualification(producer).get("status").asText()).isEqualTo("QUALIFIED");

        Reply revoked = api.post(path + "/revocation")
                .basic("national", "demo")
                .json(Map.of("reason", "CHARTER_BREACH", "comment", "Reste à charge demandé aux usagers"))
                .send();
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
        JsonNode view = qualification(producer);
        assertThat(view.get("status").asText()).isEqualTo("REVOKED");
        assertThat(view.at("/revocation/reasonInWords").asText()).contains("charte");
        assertThat(view.at("/revocation/comment").asText()).contains("Reste à charge");
        assertThat(onMap(producer)).isFalse();
        assertThat(inExport(producer)).isFalse();
        assertThat(lastMailTo(producer)).contains("révoqué").contains("charte");
        assertThat(lastMailTo("reviewer-corse@demo.aptic.fr")).contains("révoqué");
        BpmnAwareTests.assertThat(instance(producer)).isWaitingAtExactly(REINSTATEMENT_DECIDED);
        // revoked: neither a renewal nor a new application brings it back
        assertThat(api.post("/api/applications")
                        .json(Samples.application(producer.siret(), "20000", "2A004", "Ajaccio"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post(path + "/revocation")
                        .basic("national", "demo")
                        .json(Map.of("reason", "CHARTER_BREACH"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post(path + "/reinstatement")
                        .basic("reviewer-corse", "demo")
                        .json(Map.of())
                        .send()
                        .status())
                .isEqualTo(403);

        Reply reinstated = api.post(path + "/reinstatement")
                .basic("national", "demo")
                .json(Map.of("comment", "Engagements rétablis après contrôle"))
                .send();
        assertThat(reinstated.status()).as("%s", reinstated).isEqualTo(200);
        assertThat(qualification(producer).get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(qualification(producer).get("validUntil").asText())
                .isEqualTo(LocalDate.now(PARIS).plusYears(1).toString());
        assertThat(onMap(producer)).isTrue();
        assertThat(events(producer)).containsSubsequence("REVOKED", "REINSTATED", "TERM_OPENED");
        BpmnAwareTests.assertThat(instance(producer)).isWaitingAt(FIRST_NOTICE_DUE);

        // the funnel counts them per path and département (the database is shared: at least these)
        Reply funnel = api.get("/api/reports/funnel?departement=2A&path=FREE")
                .basic("national", "demo")
                .send();
        assertThat(funnel.status()).isEqualTo(200);
        assertThat(funnel.json().at("/total/afterQualification/revocations").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(funnel.json().at("/total/afterQualification/reinstatements").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(funnel.json().at("/groups/0/funnel/afterQualification").has("lapses"))
                .isTrue();
    }

    @Test
    void breachReportedByTheHubIsDecidedByTheNationalTeamInTasklist() {
        Submitted producer = qualified();
        String path = "/api/qualifications/" + producer.siret();
        assertThat(api.post(path + "/reports")
                        .basic("reviewer-hinaura", "demo")
                        .json(Map.of("report", "x"))
                        .send()
                        .status())
                .isEqualTo(403);
        Reply reported = api.post(path + "/reports")
                .basic("reviewer-corse", "demo")
                .json(Map.of("report", "Les usagers paient un reste à charge"))
                .send();
        assertThat(reported.status()).as("%s", reported).isEqualTo(200);
        String taskId = scenarios.taskId(producer.id(), DECIDE_REVOCATION);
        // the hub may not decide; a revocation needs a reason from the table
        assertThat(scenarios
                        .complete("reviewer-corse", taskId, Map.of("decision", "REVOKE"))
                        .status())
                .isEqualTo(403);
        Reply noReason = scenarios.complete("national", taskId, Map.of("decision", "REVOKE", "reason", "WHATEVER"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        assertThat(scenarios
                        .complete("national", taskId, Map.of("decision", "REVOKE", "reason", "PASS_MISUSE"))
                        .status())
                .isEqualTo(204);

        assertThat(qualification(producer).get("status").asText()).isEqualTo("REVOKED");
        assertThat(onMap(producer)).isFalse();
        assertThat(events(producer)).containsSubsequence("BREACH_REPORTED", "REVOKED");
        BpmnAwareTests.assertThat(instance(producer))
                .hasPassed(DECIDE_REVOCATION, "EndEvent_RevocationDecided", "ServiceTask_Revoke")
                .isWaitingAtExactly(REINSTATEMENT_DECIDED);
    }

    @Test
    void aMovedPlaceGoesToTheHubsReviewAndIsPublishedOnceApproved() {
        Submitted producer = qualified();
        fire(FIRST_NOTICE_DUE, producer);
        String token = renewalToken(producer);
        Map<String, Object> moved = Samples.application(producer.siret(), "20090", "2A004", "Ajaccio");
        Samples.firstPlace(moved).put("address", "12 cours Napoléon");
        // a wrong change is refused with its field, and changes nothing
        Reply wrong = renew(producer.id(), token, Map.of("places", List.of(Map.of("name", ""))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("places[0]");
        assertThat(onMap(producer)).isTrue();

        Reply changed = renew(producer.id(), token, Map.of("places", moved.get("places")));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        // the new place waits for the hub off the map; the qualification still holds
        assertThat(qualification(producer).get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(onMap(producer)).isFalse();
        assertThat(renew(producer.id(), token, Map.of()).status()).isEqualTo(409);
        String review = scenarios.taskId(producer.id(), REVIEW_RENEWAL);
        assertThat(scenarios
                        .complete("reviewer-hinaura", review, Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(403);
        assertThat(scenarios
                        .complete("reviewer-corse", review, Map.of("decision", "REJECT"))
                        .status())
                .isEqualTo(400);
        assertThat(scenarios
                        .complete("reviewer-corse", review, Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(204);

        assertThat(onMap(producer)).isTrue();
        assertThat(api.get("/api/places?departement=2A").send().text()).contains("12 cours Napoléon");
        assertThat(events(producer))
                .containsSubsequence(
                        "RENEWAL_CHANGES", "RENEWAL_CONFIRMED", "RENEWAL_REVIEW_APPROVE", "RENEWED", "TERM_OPENED");
    }

    @Test
    void aChangeThatFailsTheRulesEndsTheQualification() {
        Submitted producer = qualified();
        fire(FIRST_NOTICE_DUE, producer);
        Map<String, Object> changed = Samples.application(producer.siret(), "20000", "2A004", "Ajaccio");
        Samples.firstPlace(changed).put("openingHours", "Mo 09:00-12:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> quality = (Map<String, Object>) changed.get("quality");
        quality.put("trainedMediators", 0);
        Reply reply = renew(
                producer.id(), renewalToken(producer), Map.of("places", changed.get("places"), "quality", quality));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);

        assertThat(qualification(producer).get("status").asText()).isEqualTo("INELIGIBLE");
        assertThat(onMap(producer)).isFalse();
        assertThat(inExport(producer)).isFalse();
        assertThat(events(producer)).containsSubsequence("RENEWAL_CONFIRMED", "RENEWAL_INELIGIBLE");
        assertThat(lastMailTo(producer)).contains("prend fin");
        assertThat(instance(producer)).isNull();
    }

    @Test
    void aQualificationGrantedBeforeTheLifecycleGetsOneThatKeepsItsContractsEndDate() {
        String id = java.util.UUID.randomUUID().toString();
        String siret = Samples.siret();
        LocalDate contractEnds = LocalDate.now(PARIS).plusDays(200);
        repository.insert(new fr.aptic.qualification.application.ApplicationRepository.NewApplication(
                id,
                siret,
                fr.aptic.qualification.application.QualificationPath.FREE,
                "0".repeat(64),
                "Ancienne",
                "ancienne@exemple.org",
                "2A",
                null,
                null,
                null,
                "{}",
                java.time.Instant.now()));
        jdbc.sql("update app_application set status = 'QUALIFIED', outcome = 'QUALIFIED', qualified_until = ?"
                        + " where id = ?")
                .params(contractEnds, id)
                .update();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);
        assertThat(backfill.backfill()).isZero();
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .processInstanceBusinessKey(id)
                        .count())
                .isEqualTo(1);
        Reply view = api.get("/api/qualifications/" + siret)
                .basic("national", "demo")
                .send();
        assertThat(view.json().get("validUntil").asText()).isEqualTo(contractEnds.toString());
    }

    // ---- helpers

    /** Submitted, approved by the Corsican hub, bank details validated: qualified, on the map. */
    Submitted qualified() {
        Submitted submitted = scenarios.contracting();
        Reply bank = scenarios.complete(
                "backoffice", scenarios.taskId(submitted.id(), Scenarios.BANK_TASK), Map.of("bankValid", true));
        assertThat(bank.status()).as("%s", bank).isEqualTo(204);
        assertThat(onMap(submitted)).isTrue();
        BpmnAwareTests.assertThat(instance(submitted)).isWaitingAt(FIRST_NOTICE_DUE);
        return submitted;
    }

    JsonNode qualification(Submitted producer) {
        Reply reply = api.get("/api/qualifications/" + producer.siret())
                .token(producer.token())
                .send();
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    Reply renew(String applicationId, String token, Object body) {
        return api.post("/api/applications/" + applicationId + "/renewal")
                .token(token)
                .json(body)
                .send();
    }

    ProcessInstance instance(Submitted producer) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(producer.id())
                .singleResult();
    }

    /** Moves the clock to the due date of the timer the instance waits on, which must be {@code activityId}, and fires it. */
    void fire(String activityId, Submitted producer) {
        BpmnAwareTests.assertThat(instance(producer)).isWaitingAt(activityId);
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance(producer).getId())
                .timers()
                .singleResult();
        Date due = timer.getDuedate();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
        engine.getManagementService().executeJob(timer.getId());
    }

    boolean onMap(Submitted producer) {
        Reply reply = api.get("/api/places?departement=2A").send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.text().contains(producer.siret());
    }

    boolean inExport(Submitted producer) {
        Reply reply = api.get("/api/places.csv").send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.text().contains(producer.siret());
    }

    List<String> events(Submitted producer) {
        List<String> events = new ArrayList<>();
        qualification(producer)
                .get("history")
                .forEach(event -> events.add(event.get("event").asText()));
        return events;
    }

    String lastMailTo(Submitted producer) {
        return lastMailTo("camille." + producer.siret() + "@exemple.org");
    }

    String lastMailTo(String address) {
        return jdbc
                .sql("select body from app_mail_outbox where recipient = ? order by id desc")
                .param(address)
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    String renewalToken(Submitted producer) {
        // the latest mail the outbox holds for the producer, as the SMTP server received it with its token
        String address = "camille." + producer.siret() + "@exemple.org";
        String subject = jdbc.sql("select subject from app_mail_outbox where recipient = ? order by id desc")
                .param(address)
                .query(String.class)
                .list()
                .get(0);
        String body = Mailbox.latestBodyTo(mail, address, subject);
        Matcher link = RENEWAL_LINK.matcher(body);
        assertThat(link.find()).as("renewal link in the last mail: %s", body).isTrue();
        assertThat(link.group(1)).isEqualTo(producer.id());
        return link.group(2);
    }
}
