package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every decision records who made it: each timeline event a person causes carries its actor (the applicant
 * acting with their token is {@code applicant}; staff and network partners by user id), the events that follow
 * from it carry the same actor, and the engine's own history (user operation log) names the user who completed
 * the task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimelineActorsTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    ApiClient api;
    Scenarios scenarios;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        scenarios = new Scenarios(api);
    }

    @Test
    void theTimelineNamesWhoSubmittedDecidedAnsweredAndValidated() {
        Submitted submitted = scenarios.changesRequested();
        Reply complements = api.post("/api/applications/" + submitted.id() + "/complements")
                .token(submitted.token())
                .json(Map.of(
                        "organisation",
                        Map.of(
                                "name",
                                "Espace numérique",
                                "legalForm",
                                "ASSOCIATION",
                                "description",
                                "Horaires précisés")))
                .send();
        assertThat(complements.status()).as("%s", complements).isEqualTo(200);
        String review = scenarios.taskId(submitted.id(), Scenarios.REVIEW_TASK);
        assertThat(scenarios
                        .complete(Scenarios.CORSE_REVIEWER, review, Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(204);
        String bank = scenarios.taskId(submitted.id(), Scenarios.BANK_TASK);
        assertThat(scenarios
                        .complete("backoffice", bank, Map.of("bankValid", true))
                        .status())
                .isEqualTo(204);

        Map<String, List<String>> actors = actorsByEvent(submitted);
        assertThat(actors.get("SUBMITTED")).containsExactly("applicant");
        assertThat(actors.get("REVIEW_REQUEST_CHANGES")).containsExactly(Scenarios.CORSE_REVIEWER);
        assertThat(actors.get("CHANGES_REQUESTED")).containsExactly(Scenarios.CORSE_REVIEWER);
        assertThat(actors.get("COMPLEMENTS_RECEIVED")).containsExactly("applicant");
        assertThat(actors.get("REVIEW_APPROVE")).containsExactly(Scenarios.CORSE_REVIEWER);
        assertThat(actors.get("CONTRACTING")).containsExactly(Scenarios.CORSE_REVIEWER);
        assertThat(actors.get("BANK_DETAILS_VALIDATED")).containsExactly("backoffice");
        assertThat(actors.get("QUALIFIED")).containsExactly("backoffice");

        assertThat(completedBy(review)).isEqualTo(Scenarios.CORSE_REVIEWER);
        assertThat(completedBy(bank)).isEqualTo("backoffice");
    }

    @Test
    void aRejectionAndAWithdrawalNameTheirAuthors() {
        Submitted rejected = scenarios.underReview();
        assertThat(scenarios
                        .complete(
                                Scenarios.CORSE_REVIEWER,
                                scenarios.taskId(rejected.id(), Scenarios.REVIEW_TASK),
                                Map.of("decision", "REJECT", "reason", "HORS_CHARTE", "comment", "Prospection"))
                        .status())
                .isEqualTo(204);
        assertThat(actorsByEvent(rejected).get("REVIEW_REJECT")).containsExactly(Scenarios.CORSE_REVIEWER);
        assertThat(actorsByEvent(rejected).get("REJECTED")).containsExactly(Scenarios.CORSE_REVIEWER);

        Submitted withdrawn = scenarios.underReview();
        Reply withdrawal = api.post("/api/applications/" + withdrawn.id() + "/withdrawal")
                .token(withdrawn.token())
                .send();
        assertThat(withdrawal.status()).as("%s", withdrawal).isEqualTo(200);
        assertThat(actorsByEvent(withdrawn).get("WITHDRAWN")).containsExactly("applicant");
    }

    @Test
    void aNetworkMemberNamesThePartnerWhoSubmittedAndAttestedIt() {
        Reply batch = api.post("/api/networks/reseau-demo/batches")
                .basic("partenaire-demo", Scenarios.PASSWORD)
                .json(List.of(fr.aptic.qualification.support.Samples.application()))
                .send();
        assertThat(batch.status()).as("%s", batch).isEqualTo(202);
        for (int round = 0;
                round < 100 && management.createJobQuery().executable().count() > 0;
                round++) {
            management.createJobQuery().executable().list().forEach(job -> management.executeJob(job.getId()));
        }
        Reply members = api.get("/api/networks/reseau-demo/batches/"
                        + batch.json().path("batchId").asText() + "/members")
                .basic("partenaire-demo", Scenarios.PASSWORD)
                .send();
        String memberId = members.json().get(0).path("applicationId").asText();
        String attest = scenarios.taskId(memberId, "Task_AttestMember");
        assertThat(scenarios
                        .complete("partenaire-demo", attest, Map.of("decision", "ATTEST"))
                        .status())
                .isEqualTo(204);

        Submitted member = new Submitted(memberId, null, null);
        Map<String, List<String>> actors = actorsByEvent(member, "national");
        assertThat(actors.get("SUBMITTED")).containsExactly("partenaire-demo");
        assertThat(actors.get("ATTESTED")).containsExactly("partenaire-demo");
        assertThat(completedBy(attest)).isEqualTo("partenaire-demo");
    }

    private Map<String, List<String>> actorsByEvent(Submitted submitted, String staff) {
        Reply view = api.get("/api/applications/" + submitted.id())
                .basic(staff, Scenarios.PASSWORD)
                .send();
        assertThat(view.status()).isEqualTo(200);
        return actors(view);
    }

    private Map<String, List<String>> actorsByEvent(Submitted submitted) {
        Reply view = scenarios.view(submitted);
        assertThat(view.status()).isEqualTo(200);
        return actors(view);
    }

    private static Map<String, List<String>> actors(Reply view) {
        Map<String, List<String>> actors = new LinkedHashMap<>();
        for (JsonNode event : view.json().path("timeline")) {
            actors.computeIfAbsent(event.path("event").asText(), k -> new java.util.ArrayList<>())
                    .add(
                            event.path("actor").isMissingNode()
                                    ? null
                                    : event.path("actor").asText());
        }
        return actors;
    }

    /** Who the engine's user operation log says completed the task. */
    private String completedBy(String taskId) {
        Reply log = api.get("/engine-rest/history/user-operation?taskId=" + taskId + "&operationType=Complete")
                .basic(Scenarios.ADMIN, Scenarios.PASSWORD)
                .send();
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json()).as("%s", log).isNotEmpty();
        return log.json().get(0).path("userId").asText();
    }
}
