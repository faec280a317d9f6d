package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.NetworkCsv;
import fr.aptic.qualification.support.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A network's members from the batch to the map, as the partner and the national team live it: the partner
 * attests through the engine REST API (as Tasklist does) and in bulk, the audit table picks whom the national
 * team audits, the back office validates bank details, and the network pays the subscription. Run on H2 and on
 * PostgreSQL by the subclasses.
 */
abstract class NetworkMemberFlow extends NetworkTestSupport {

    static final int MEMBERS = 24;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService history;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void qualifiesMembersAttestedByTheirNetworkAndAuditedBySample() {
        String network = newNetwork(true);
        String other = newNetwork(false);
        Map<String, Object> answer = postCsv(
                        partner(network),
                        network,
                        NetworkCsv.members(MEMBERS).seed(System.nanoTime()).bytes(),
                        null)
                .getBody();
        assertThat(answer).containsEntry("accepted", MEMBERS);
        String batchId = (String) answer.get("batchId");
        runJobs();
        List<Map<String, Object>> members = members(partner(network), network, batchId, null);
        List<Map<String, Object>> attestable = members.stream()
                .filter(m -> "UNDER_REVIEW".equals(m.get("status")))
                .toList();
        assertThat(attestable).hasSizeGreaterThan(MEMBERS - 5);

        // The partner sees its members' attestation tasks in Tasklist; another network and a hub see none.
        Map<String, Object> first = attestable.get(0);
        String firstId = (String) first.get("applicationId");

        // The territory's hub and situation are for a hub's reviewer: a network member's assessment skips them.
        // Its history keeps the activities that do work, not the events and exclusive gateways it passes at once
        // (aptic.history.bulk-processes).
        assertThat(activitiesOf(firstId))
                .contains(
                        "CallActivity_AssessEligibility",
                        "BusinessRuleTask_Eligibility",
                        "BusinessRuleTask_ReviewRouting",
                        "ServiceTask_RecordAssessment",
                        "Task_AttestMember")
                .doesNotContain("BusinessRuleTask_HubRouting", "ServiceTask_DescribeConsolidation")
                .doesNotContain("Gateway_HubReview", "Gateway_Eligible", "StartEvent_MemberSubmitted");
        // Its decision history keeps the decisions that answered, not the tables they required
        // (aptic.history.answering-decision-only); the free path keeps them all (LeanHistoryLevelTest).
        List<HistoricDecisionInstance> decisions = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(assessmentOf(firstId))
                .includeInputs()
                .includeOutputs()
                .list();
        assertThat(decisions)
                .extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
                .containsExactlyInAnyOrder("eligibility", "charter-compliance", "review-routing");
        HistoricDecisionInstance eligibility = decisions.stream()
                .filter(d -> d.getDecisionDefinitionKey().equals("eligibility"))
                .findFirst()
                .orElseThrow();
        assertThat(eligibility.getInputs()).hasSize(2);
        assertThat(eligibility.getOutputs())
                .extracting(HistoricDecisionOutputInstance::getVariableName)
                .contains("eligible", "score", "reasons");
        assertThat(eligibility.getRootDecisionInstanceId()).isNull();
        // lists are written as JSON text, readable in Cockpit, not as serialized Java objects
        HistoricDecisionOutputInstance reasons = eligibility.getOutputs().stream()
                .filter(o -> o.getVariableName().equals("reasons"))
                .findFirst()
                .orElseThrow();
        assertThat(reasons.getTypeName()).isEqualTo("string");
        assertThat((String) reasons.getValue()).startsWith("[").endsWith("]");
        // the values the assessment gives back are the member's variables, without a detail repeating their
        // creation; the member's own start variable keeps its detail (aptic.history.bulk-processes)
        String memberInstance = memberOf(firstId);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(memberInstance)
                        .list())
                .extracting(HistoricVariableInstance::getName)
                .contains("applicationId", "eligible", "score", "reviewGroup", "organisationName");
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(memberInstance)
                        .variableUpdates()
                        .list())
                .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
                .contains("applicationId")
                .doesNotContain("eligible", "score", "reviewGroup", "organisationName");
        assertThat(tasks(partner(network), NetworkMemberProcess.ATTEST, null)).hasSize(attestable.size());
        assertThat(tasks(partner(other), NetworkMemberProcess.ATTEST, null)).isEmpty();
        assertThat(tasks("reviewer-corse", NetworkMemberProcess.ATTEST, firstId))
                .isEmpty();
        String taskId = (String) tasks(partner(network), NetworkMemberProcess.ATTEST, firstId)
                .get(0)
                .get("id");
        assertThat(complete(partner(other), taskId, Map.of("decision", value("ATTEST")))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

        // The server checks the answer whatever the client: 400 and the task stays open.
        assertThat(complete(partner(network), taskId, Map.of("decision", value("MAYBE")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete(partner(network), taskId, Map.of("decision", value("REFUSE")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete(
                                partner(network),
                                taskId,
                                Map.of("decision", value("ATTEST"), "comment", value("Membre depuis 2019")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // what the partner answered is detailed, with who and when
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(memberInstance)
                        .variableUpdates()
                        .list())
                .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
                .contains("decision", "comment");

        // The network's first 20 members are all audited by the national team (the random rows may make the very
        // first member ineligible: the first one to attest is among the first few).
        assertThat((Integer) first.get("memberRank")).isBetween(1, 20);
        List<Map<String, Object>> audits = tasks("national", NetworkMemberProcess.AUDIT, firstId);
        assertThat(audits).hasSize(1);
        assertThat(tasks(partner(network), NetworkMemberProcess.AUDIT, firstId)).isEmpty();
        String auditId = (String) audits.get(0).get("id");
        assertThat(complete("national", auditId, Map.of("decision", value("REJECT")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete("national", auditId, Map.of("decision", value("APPROVE")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // Contracting: the back office validates the bank details; the network pays the subscription.
        assertThat(view(firstId)).containsEntry("status", "CONTRACTING");
        String bankTask = (String)
                tasks("backoffice", "Task_ValidateBankDetails", firstId).get(0).get("id");
        assertThat(complete("backoffice", bankTask, Map.of("bankValid", value(true)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> qualified = view(firstId);
        assertThat(qualified).containsEntry("status", "QUALIFIED").containsEntry("path", "NETWORK");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) qualified.get("timeline");
        assertThat(timeline)
                .extracting(e -> e.get("event"))
                .containsSubsequence(
                        "SUBMITTED",
                        "ASSESSED",
                        "UNDER_REVIEW",
                        "ATTESTED",
                        "AUDIT_REQUIRED",
                        "AUDIT_APPROVE",
                        "CONTRACTING",
                        "SUBSCRIPTION_RECORDED",
                        "QUALIFIED");
        assertThat(timeline)
                .filteredOn(e -> "ATTESTED".equals(e.get("event")))
                .extracting(e -> e.get("actor"))
                .containsExactly(partner(network));
        assertThat(timeline)
                .filteredOn(e -> "SUBSCRIPTION_RECORDED".equals(e.get("event")))
                .extracting(e -> (String) e.get("detail"))
                .singleElement()
                .satisfies(detail -> assertThat(detail).contains("payé par le réseau"));
        ResponseEntity<List<Map<String, Object>>> map =
                http.exchange("/api/places?networkId=" + network, HttpMethod.GET, null, LIST);
        assertThat(map.getBody()).extracting(p -> p.get("siret")).containsExactly(first.get("siret"));

        // Bulk: another network's user may not; a refusal needs a reason; then one refusal and the rest attested.
        List<String> rest = attestable.subList(1, attestable.size()).stream()
                .map(m -> (String) m.get("applicationId"))
                .toList();
        assertThat(attest(partner(other), network, Map.of("applicationIds", rest, "decision", "ATTEST"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(attest(partner(network), network, Map.of("applicationIds", rest, "decision", "REFUSE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        String refused = rest.get(rest.size() - 1);
        Map<String, Object> refusal = attest(
                        partner(network),
                        network,
                        Map.of("applicationIds", List.of(refused), "decision", "REFUSE", "reason", "NOT_A_MEMBER"))
                .getBody();
        assertThat(refusal).containsEntry("completed", 1);
        assertThat(view(refused)).containsEntry("status", "REJECTED");

        List<String> ids = new ArrayList<>(rest.subList(0, rest.size() - 1));
        ids.add(firstId);
        ids.add("00000000-0000-0000-0000-000000000000");
        Map<String, Object> bulk = attest(
                        partner(network), network, Map.of("applicationIds", ids, "decision", "ATTEST"))
                .getBody();
        assertThat(bulk).containsEntry("completed", rest.size() - 1).containsEntry("failed", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) bulk.get("results");
        assertThat(results).extracting(r -> r.get("outcome")).endsWith("NOT_AWAITING_ATTESTATION", "NOT_FOUND");

        // Whom the national team audits: the first 20 members, scores near the threshold, a sample by SIRET.
        for (Map<String, Object> member : attestable.subList(1, attestable.size() - 1)) {
            String id = (String) member.get("applicationId");
            int rank = (Integer) member.get("memberRank");
            int score = (Integer) view(id).get("score");
            boolean expected = rank <= 20
                    || (score >= 40 && score <= 50)
                    || Long.parseLong((String) member.get("siret")) % 97 < 10;
            assertThat(tasks("national", NetworkMemberProcess.AUDIT, id))
                    .as("audit of member %d (score %d, SIRET %s)", rank, score, member.get("siret"))
                    .hasSize(expected ? 1 : 0);
            if (!expected) {
                assertThat(view(id)).containsEntry("status", "CONTRACTING");
            }
        }
    }

    @Test
    void auditsPastTheFirstTwentyMembersOnlyTheSampleBySiret() {
        String network = newNetwork(false);
        // as if the network had submitted a hundred members already
        jdbc.update("update app_network set member_count = 100 where id = ?", network);
        String sampled = siretWhoseRemainderBy97Is(true);
        String unsampled = siretWhoseRemainderBy97Is(false);
        String csv = CsvMembersTest.HEADER + "\n"
                + CsvMembersTest.row("Lieu A", "1 rue").replace("73282932000074", sampled) + "\n"
                + CsvMembersTest.row("Lieu B", "2 rue").replace("73282932000074", unsampled) + "\n";
        String batchId = (String) postCsv(partner(network), network, csv.getBytes(StandardCharsets.UTF_8), null)
                .getBody()
                .get("batchId");
        runJobs();
        List<Map<String, Object>> members = members(partner(network), network, batchId, null);
        assertThat(members).extracting(m -> m.get("memberRank")).containsExactly(101, 102);
        List<String> ids =
                members.stream().map(m -> (String) m.get("applicationId")).toList();
        assertThat(attest(partner(network), network, Map.of("applicationIds", ids, "decision", "ATTEST"))
                        .getBody())
                .containsEntry("completed", 2);
        // well above the threshold: only the SIRET decides
        assertThat((Integer) view(ids.get(0)).get("score")).isGreaterThan(50);
        assertThat(tasks("national", NetworkMemberProcess.AUDIT, ids.get(0))).hasSize(1);
        assertThat(events(ids.get(0), "AUDIT_REQUIRED"))
                .singleElement()
                .asString()
                .contains("SAMPLE");
        assertThat(tasks("national", NetworkMemberProcess.AUDIT, ids.get(1))).isEmpty();
        assertThat(events(ids.get(1), "AUDIT_NOT_REQUIRED")).hasSize(1);
        assertThat(view(ids.get(1))).containsEntry("status", "CONTRACTING");
    }

    static String siretWhoseRemainderBy97Is(boolean belowTen) {
        while (true) {
            String siret = Samples.siret();
            if (Long.parseLong(siret) % 97 < 10 == belowTen) {
                return siret;
            }
        }
    }

    @SuppressWarnings("unchecked")
    List<String> events(String applicationId, String event) {
        return ((List<Map<String, Object>>) view(applicationId).get("timeline"))
                .stream()
                        .filter(e -> event.equals(e.get("event")))
                        .map(e -> String.valueOf(e.get("detail")))
                        .toList();
    }

    /**
     * A member's qualification follows its network's agreement: it ends with it, the extension renews it, and
     * without one the member gets the notices and lapses (off the map the same day); a later extension takes it up.
     */
    @Test
    void memberFollowsItsNetworksAgreementAndLapsesWithoutExtension() {
        java.time.LocalDate today = java.time.LocalDate.now(NetworkService.PARIS);
        String network = newNetwork(today.minusMonths(1), today.plusDays(100), true);
        Map<String, Object> member = Samples.application();
        String siret = (String) member.get("siret");
        Map<String, Object> answer =
                postJson(partner(network), network, List.of(member)).getBody();
        assertThat(answer).containsEntry("accepted", 1);
        runJobs();
        String id = (String) members(partner(network), network, (String) answer.get("batchId"), null)
                .get(0)
                .get("applicationId");
        String attest = (String)
                tasks(partner(network), NetworkMemberProcess.ATTEST, id).get(0).get("id");
        assertThat(complete(partner(network), attest, Map.of("decision", value("ATTEST")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        for (Map<String, Object> audit : tasks("national", NetworkMemberProcess.AUDIT, id)) {
            complete("national", (String) audit.get("id"), Map.of("decision", value("APPROVE")));
        }
        for (Map<String, Object> bank : tasks("backoffice", "Task_ValidateBankDetails", id)) {
            complete("backoffice", (String) bank.get("id"), Map.of("bankValid", value(true)));
        }
        assertThat(view(id)).containsEntry("status", "QUALIFIED");
        assertThat(qualification(siret, partner(network)))
                .containsEntry("validUntil", today.plusDays(100).toString());

        // only the national team extends, and only to a later date
        Map<String, Object> longer = Map.of("validUntil", today.plusDays(400).toString());
        assertThat(extend(partner(network), network, longer).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> earlier = extend(
                "national", network, Map.of("validUntil", today.plusDays(50).toString()));
        assertThat(earlier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(earlier.getBody())).contains("validUntil");
        assertThat(extend("national", network, longer).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(qualification(siret, partner(network)))
                .containsEntry("validUntil", today.plusDays(400).toString());
        assertThat(events(id, "RENEWED")).containsExactly("Convention du réseau prolongée");

        // no extension this time: the notices, then the lapse the day after the agreement ends
        try {
            fireLifecycleTimer(id, fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.FIRST_NOTICE_DUE);
            assertThat(lastMailTo((String) ((Map<?, ?>) member.get("contact")).get("email")))
                    .contains("convention de votre réseau");
            fireLifecycleTimer(id, fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.SECOND_NOTICE_DUE);
            fireLifecycleTimer(id, fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.TERM_ENDS);
            assertThat(view(id)).containsEntry("status", "LAPSED");
            assertThat(http.getForObject("/api/places.csv", String.class)).doesNotContain(siret);

            // extended within the delay: taken up, back on the map
            assertThat(extend(
                                    "national",
                                    network,
                                    Map.of("validUntil", today.plusDays(800).toString()))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(view(id)).containsEntry("status", "QUALIFIED");
            assertThat(http.getForObject("/api/places.csv", String.class)).contains(siret);
            assertThat(qualification(siret, "national"))
                    .containsEntry("validUntil", today.plusDays(800).toString());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    Map<String, Object> qualification(String siret, String user) {
        ResponseEntity<Map<String, Object>> response =
                http.withBasicAuth(user, PASSWORD).exchange("/api/qualifications/" + siret, HttpMethod.GET, null, MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    ResponseEntity<Map<String, Object>> extend(String user, String network, Map<String, Object> agreement) {
        return http.withBasicAuth(user, PASSWORD)
                .exchange("/api/networks/" + network + "/agreement", HttpMethod.PUT, json(agreement), MAP);
    }

    /** Moves the engine's clock to the due date of the lifecycle's timer at {@code activityId} and fires it. */
    void fireLifecycleTimer(String applicationId, String activityId) {
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.KEY)
                .processInstanceBusinessKey(applicationId)
                .singleResult();
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(activityId);
        var timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                new java.util.Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());
    }

    String lastMailTo(String address) {
        return jdbc.queryForList(
                        "select body from app_mail_outbox where recipient = ? order by id desc", String.class, address)
                .get(0);
    }

    List<Map<String, Object>> tasks(String user, String definitionKey, String businessKey) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, PASSWORD)
                .exchange(
                        "/engine-rest/task?taskDefinitionKey=" + definitionKey
                                + (businessKey == null ? "" : "&processInstanceBusinessKey=" + businessKey),
                        HttpMethod.GET,
                        null,
                        LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
        return http.withBasicAuth(user, PASSWORD)
                .exchange(
                        "/engine-rest/task/" + taskId + "/complete",
                        HttpMethod.POST,
                        json(Map.of("variables", variables)),
                        String.class);
    }

    ResponseEntity<Map<String, Object>> attest(String user, String network, Map<String, Object> body) {
        return http.withBasicAuth(user, PASSWORD)
                .exchange("/api/networks/" + network + "/attestations", HttpMethod.POST, json(body), MAP);
    }

    Map<String, Object> view(String applicationId) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth("national", PASSWORD)
                .exchange("/api/applications/" + applicationId, HttpMethod.GET, null, MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    // the activities an application's processes (its own and the ones it called) went through
    private String memberOf(String applicationId) {
        return jdbc.queryForObject(
                "select id_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
                String.class,
                applicationId,
                NetworkMemberProcess.KEY);
    }

    private String assessmentOf(String applicationId) {
        return jdbc.queryForObject(
                "select id_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
                String.class,
                applicationId,
                "eligibility-assessment");
    }

    private List<String> activitiesOf(String applicationId) {
        return jdbc.queryForList(
                "select a.act_id_ from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
                        + " where p.business_key_ = ?",
                String.class,
                applicationId);
    }
}
