package fr.aptic.qualification.territory;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.DirectoryCsv;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Samples;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The territorial path end to end over HTTP, as its users live it: the national team imports the directory and
 * records a funder's injection into the Rhône; the under-served territory gets a campaign; the Hinaura hub's
 * reviewer works the contact tasks through the engine REST API (a closed place, a refusal, a producer unreachable
 * after three retries, then an interested one); the invited producer applies, is reviewed and qualified; the
 * campaign ends and the funnel counts each outcome. Timers are fired by hand. Run on H2 and PostgreSQL.
 */
abstract class TerritorialHttpFlow {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
    static final String HUB_REVIEWER = "reviewer-hinaura";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Test
    void recruitsAProducerInTheRhoneFromInjectionToFunnel() throws Exception {
        LocalDate today = LocalDate.now(ConsolidationService.PARIS);
        String closedSiret = Samples.siret();
        String decliningSiret = Samples.siret();
        String unreachableSiret = Samples.siret();
        String interestedSiret = Samples.siret();
        String prefix = "flow-" + interestedSiret + "-";
        // The hub calls the most recently updated entries first.
        String csv = new DirectoryCsv()
                .add(DirectoryCsv.place(
                        prefix + "closed",
                        closedSiret,
                        "Cyber-base de la Croix-Rousse",
                        "69004",
                        "69384",
                        "Lyon",
                        today.minusDays(1)))
                .add(DirectoryCsv.place(
                        prefix + "declining",
                        decliningSiret,
                        "Médiathèque Étienne Dolet",
                        "69007",
                        "69387",
                        "Lyon",
                        today.minusDays(2)))
                .add(DirectoryCsv.place(
                        prefix + "unreachable",
                        unreachableSiret,
                        "Espace numérique de Vénissieux",
                        "69200",
                        "69259",
                        "Vénissieux",
                        today.minusDays(3)))
                .add(DirectoryCsv.located(
                        DirectoryCsv.place(
                                prefix + "interested",
                                interestedSiret,
                                "Tiers-lieu Les Pentes",
                                "69001",
                                "69381",
                                "Lyon",
                                today.minusDays(4)),
                        "45,7676",
                        "4,8344"))
                .text();
        ResponseEntity<Map<String, Object>> imported = http.withBasicAuth("national", "demo")
                .exchange("/api/directory", HttpMethod.POST, body(csv, MediaType.parseMediaType("text/csv")), MAP);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("inserted", 4).containsEntry("rejected", 0);

        // 2 500 passes of 10 € and no qualified place: one place to recruit, a campaign for the Hinaura hub.
        ResponseEntity<Map<String, Object>> injected = inject("69", 2500, today.minusDays(10));
        assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> consolidation = map(injected.getBody().get("consolidation"));
        assertThat(consolidation)
                .containsEntry("departement", "69")
                .containsEntry("hubId", "hinaura")
                .containsEntry("qualifiedPlaces", 0)
                .containsEntry("status", "UNDER_SERVED")
                .containsEntry("placesToRecruit", 1);
        String campaignId = (String) injected.getBody().get("campaignId");
        assertThat(campaignId).isNotNull();

        assertThat(http.withBasicAuth(HUB_REVIEWER, "demo")
                        .exchange("/api/territories/69/consolidation", HttpMethod.GET, null, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("reviewer-corse", "demo")
                        .exchange("/api/territories/69/consolidation", HttpMethod.GET, null, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // First candidate: the place no longer exists. Only the Hinaura hub sees the task.
        Map<String, Object> task = onlyContactTask(campaignId);
        assertThat(tasks("reviewer-corse", "Task_ContactCandidate", campaignId)).isEmpty();
        assertThat(variable(task, "candidateSiret")).isEqualTo(closedSiret);
        assertThat(complete(task, Map.of("outcome", v("MAYBE"))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete(
                                task,
                                Map.of(
                                        "outcome",
                                        v("CLOSED"),
                                        "comment",
                                        v("Local vide, mairie confirme la fermeture")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // Second: does not want to be qualified.
        task = onlyContactTask(campaignId);
        assertThat(variable(task, "candidateSiret")).isEqualTo(decliningSiret);
        assertThat(complete(task, Map.of("outcome", v("DECLINED"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // Third: unreachable, retried three times four days apart, then recorded unreachable.
        for (int attempt = 1; attempt <= 4; attempt++) {
            task = onlyContactTask(campaignId);
            assertThat(variable(task, "candidateSiret")).isEqualTo(unreachableSiret);
            assertThat(complete(task, Map.of("outcome", v("UNREACHABLE"))).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            if (attempt < 4) {
                assertThat(contactTasks(campaignId)).isEmpty();
                fireTimer(campaignId);
            }
        }

        // Fourth: interested. An e-mail is required, and the invitation goes to it.
        task = onlyContactTask(campaignId);
        assertThat(variable(task, "candidateSiret")).isEqualTo(interestedSiret);
        assertThat(complete(task, Map.of("outcome", v("INTERESTED"))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        String contact = "direction@" + interestedSiret + ".example.org";
        assertThat(complete(task, Map.of("outcome", v("INTERESTED"), "contactEmail", v(contact)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(contactTasks(campaignId)).isEmpty();
        String token = invitationTo(contact, campaignId);

        assertThat(campaignOutcomes(campaignId)).containsExactly("CLOSED", "DECLINED", "UNREACHABLE", "INVITED");

        // The invited producer applies on the free path, tagged with the campaign; the link serves once.
        Map<String, Object> application = Samples.application(interestedSiret, "69001", "69381", "Lyon");
        // The same address as its directory entry's, as the producer writes it: the place takes the entry's point.
        Samples.firstPlace(application).put("address", "12 rue de l'Hôtel-de-Ville");
        ResponseEntity<Map<String, Object>> applied = http.exchange(
                "/api/campaigns/" + campaignId + "/applications?invitation=" + token,
                HttpMethod.POST,
                body(application, MediaType.APPLICATION_JSON),
                MAP);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String applicationId = (String) applied.getBody().get("applicationId");
        String trackingToken = (String) applied.getBody().get("trackingToken");
        assertThat(http.exchange(
                                "/api/campaigns/" + campaignId + "/applications?invitation=" + token,
                                HttpMethod.POST,
                                body(
                                        Samples.application(Samples.siret(), "69001", "69381", "Lyon"),
                                        MediaType.APPLICATION_JSON),
                                MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(track(applicationId, trackingToken))
                .containsEntry("path", "TERRITORIAL")
                .containsEntry("campaignId", campaignId)
                .containsEntry("status", "UNDER_REVIEW")
                .containsEntry("reviewGroup", "hub-hinaura");

        // The reviewer sees the territory's situation, then approves; the back office validates the bank details.
        Map<String, Object> review =
                tasks(HUB_REVIEWER, "Task_ReviewApplication", applicationId).get(0);
        assertThat((String) variable(review, "consolidationStatus"))
                .isEqualTo("Sous-desservi : 25 000 € de pass sur 12 mois et aucun lieu qualifié — 1 lieu à recruter");
        assertThat(complete(HUB_REVIEWER, review, Map.of("decision", v("APPROVE")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> bank =
                tasks("backoffice", "Task_ValidateBankDetails", applicationId).get(0);
        assertThat(complete("backoffice", bank, Map.of("bankValid", v(true))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(track(applicationId, trackingToken)).containsEntry("status", "QUALIFIED");
        assertThat(http.exchange("/api/places?departement=69", HttpMethod.GET, null, LIST)
                        .getBody())
                .filteredOn(place -> interestedSiret.equals(place.get("siret")))
                .singleElement()
                .satisfies(place ->
                        assertThat(place).containsEntry("latitude", 45.7676).containsEntry("longitude", 4.8344));

        // The place is recruited: the campaign ends, the territory is balanced.
        Map<String, Object> campaign = campaign(campaignId);
        assertThat(campaign)
                .containsEntry("status", "ENDED")
                .containsEntry("endReason", "RECRUITED")
                .containsEntry("recruited", 1);
        assertThat(campaignOutcomes(campaignId)).containsExactly("CLOSED", "DECLINED", "UNREACHABLE", "QUALIFIED");
        assertThat(list(campaign.get("candidates")).get(2)).containsEntry("contactAttempts", 4);
        assertThat(http.withBasicAuth("national", "demo")
                        .exchange("/api/territories/69/consolidation", HttpMethod.GET, null, MAP)
                        .getBody())
                .containsEntry("qualifiedPlaces", 1)
                .containsEntry("incomePerPlaceEuros", 25000.0)
                .containsEntry("status", "BALANCED")
                .containsEntry("placesToRecruit", 0);

        // The funnel of the campaign, and of the territory on the territorial path, count each outcome once.
        for (String query : List.of("campaignId=" + campaignId, "departement=69&path=TERRITORIAL")) {
            ResponseEntity<Map<String, Object>> funnel = http.withBasicAuth("national", "demo")
                    .exchange("/api/reports/funnel?" + query, HttpMethod.GET, null, MAP);
            assertThat(funnel.getStatusCode()).isEqualTo(HttpStatus.OK);
            Map<String, Object> total = map(funnel.getBody().get("total"));
            assertThat(map(total.get("counts")))
                    .containsEntry("QUALIFIED", 1)
                    .containsEntry("CLOSED", 1)
                    .containsEntry("DECLINED", 1)
                    .containsEntry("UNREACHABLE", 1)
                    .containsEntry("INELIGIBLE", 0)
                    .containsEntry("WITHDRAWN", 0)
                    .containsEntry("EXPIRED", 0)
                    .containsEntry("REJECTED", 0);
            assertThat(total).containsEntry("ended", 4).containsEntry("inProgress", 0);
            assertThat(list(total.get("sorting")))
                    .extracting(s -> s.get("outcome"), s -> s.get("share"), s -> s.get("expectedShare"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("CLOSED", 0.5, 0.6),
                            org.assertj.core.groups.Tuple.tuple("DECLINED", 0.5, 0.2),
                            org.assertj.core.groups.Tuple.tuple("INELIGIBLE", 0.0, 0.2));
            assertThat(list(funnel.getBody().get("groups")))
                    .singleElement()
                    .satisfies(group -> assertThat(group)
                            .containsEntry("departement", "69")
                            .containsEntry("path", "TERRITORIAL")
                            .containsEntry("campaignId", campaignId));
        }
        assertThat(http.withBasicAuth(HUB_REVIEWER, "demo")
                        .exchange("/api/reports/funnel?departement=69", HttpMethod.GET, null, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("reviewer-corse", "demo")
                        .exchange("/api/reports/funnel?campaignId=" + campaignId, HttpMethod.GET, null, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    ResponseEntity<Map<String, Object>> inject(String departement, int passes, LocalDate date) {
        return http.withBasicAuth("national", "demo")
                .exchange(
                        "/api/territories/" + departement + "/pass-injections",
                        HttpMethod.POST,
                        body(
                                Map.of(
                                        "funder",
                                        "Métropole de Lyon",
                                        "passes",
                                        passes,
                                        "faceValueCents",
                                        1000,
                                        "date",
                                        date.toString()),
                                MediaType.APPLICATION_JSON),
                        MAP);
    }

    Map<String, Object> onlyContactTask(String campaignId) {
        List<Map<String, Object>> tasks = contactTasks(campaignId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    List<Map<String, Object>> contactTasks(String campaignId) {
        return tasks(HUB_REVIEWER, "Task_ContactCandidate", campaignId);
    }

    List<Map<String, Object>> tasks(String user, String definitionKey, String businessKey) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, "demo")
                .exchange(
                        "/engine-rest/task?taskDefinitionKey=" + definitionKey + "&processInstanceBusinessKey="
                                + businessKey,
                        HttpMethod.GET,
                        null,
                        LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    Object variable(Map<String, Object> task, String name) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(HUB_REVIEWER, "demo")
                .exchange("/engine-rest/task/" + task.get("id") + "/variables/" + name, HttpMethod.GET, null, MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().get("value");
    }

    ResponseEntity<String> complete(Map<String, Object> task, Map<String, Object> variables) {
        return complete(HUB_REVIEWER, task, variables);
    }

    ResponseEntity<String> complete(String user, Map<String, Object> task, Map<String, Object> variables) {
        return http.withBasicAuth(user, "demo")
                .exchange(
                        "/engine-rest/task/" + task.get("id") + "/complete",
                        HttpMethod.POST,
                        body(Map.of("variables", variables), MediaType.APPLICATION_JSON),
                        String.class);
    }

    /** Fires the campaign's only timer, as the job executor would once it is due. */
    void fireTimer(String campaignId) {
        ManagementService management = engine.getManagementService();
        String instanceId = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(campaignId)
                .singleResult()
                .getId();
        Job timer = management
                .createJobQuery()
                .processInstanceId(instanceId)
                .timers()
                .singleResult();
        assertThat(timer).isNotNull();
        management.executeJob(timer.getId());
    }

    Map<String, Object> campaign(String campaignId) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(HUB_REVIEWER, "demo")
                .exchange("/api/campaigns/" + campaignId, HttpMethod.GET, null, MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    List<Object> campaignOutcomes(String campaignId) {
        return list(campaign(campaignId).get("candidates")).stream()
                .map(c -> c.get("outcome"))
                .toList();
    }

    Map<String, Object> track(String id, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Tracking-Token", token);
        ResponseEntity<Map<String, Object>> response =
                http.exchange("/api/applications/" + id, HttpMethod.GET, new HttpEntity<>(headers), MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The invitation token from the mail the candidate received, checking the link names the campaign. */
    static String invitationTo(String recipient, String campaignId) {
        Mailbox.Invitation invitation = Mailbox.invitationTo(mail, recipient);
        assertThat(invitation.campaignId()).isEqualTo(campaignId);
        return invitation.token();
    }

    static Map<String, Object> v(Object value) {
        return Map.of("value", value);
    }

    static HttpEntity<Object> body(Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
