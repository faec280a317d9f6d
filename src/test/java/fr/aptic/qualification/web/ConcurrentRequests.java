package fr.aptic.qualification.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two people acting at the same instant: two reviewers of one hub completing the same review task (one
 * succeeds, the other gets 409, the process advances once, whether the second arrives while the first is
 * still running or just after it committed), and fifty submissions of one SIRET at once (one 201, the rest
 * 409, one application, one process). Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ConcurrentRequests {

    static final String SECOND_REVIEWER = "reviewer-corse-2";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Scenarios scenarios;

    @BeforeEach
    void secondCorsicanReviewer() {
        api = new ApiClient(port);
        scenarios = new Scenarios(api);
        if (identity.createUserQuery().userId(SECOND_REVIEWER).count() == 0) {
            var user = identity.newUser(SECOND_REVIEWER);
            user.setFirstName("Deuxième");
            user.setLastName("Instructeur");
            user.setPassword(Scenarios.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(SECOND_REVIEWER, "hub-corse");
        }
    }

    @Test
    void twoReviewersCompletingOneTaskAtOnceAdvanceTheProcessOnceAndTheSecondGets409() throws Exception {
        for (int round = 0; round < 6; round++) {
            Submitted application = scenarios.underReview();
            String task = scenarios.taskId(application.id(), Scenarios.REVIEW_TASK);
            List<Reply> replies = atOnce(List.of(
                    () -> scenarios.complete(
                            Scenarios.CORSE_REVIEWER, task, Map.of("decision", "APPROVE", "comment", "Premier")),
                    () -> scenarios.complete(
                            SECOND_REVIEWER, task, Map.of("decision", "APPROVE", "comment", "Second"))));

            assertThat(replies)
                    .as("round %d: %s", round, replies)
                    .extracting(Reply::status)
                    .containsExactlyInAnyOrder(204, 409);
            Reply refused =
                    replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(refused.json().path("message").asText()).contains("rechargez");

            assertThat(scenarios.view(application).json().path("status").asText())
                    .isEqualTo("CONTRACTING");
            assertThat(timelineCount(application, "REVIEW_APPROVE")).isEqualTo(1);
            assertThat(timelineCount(application, "CONTRACTING")).isEqualTo(1);
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey(application.id())
                            .processDefinitionKey("contracting")
                            .count())
                    .as("one contracting instance")
                    .isEqualTo(1);
            scenarios.taskId(application.id(), Scenarios.BANK_TASK); // exactly one bank task
        }
    }

    @Test
    void completingATaskSomeoneJustCompletedIs409ForItsHubAnd404ForAnotherHub() {
        Submitted application = scenarios.underReview();
        String task = scenarios.taskId(application.id(), Scenarios.REVIEW_TASK);
        assertThat(scenarios
                        .complete(Scenarios.CORSE_REVIEWER, task, Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(204);
        Reply again = scenarios.complete(SECOND_REVIEWER, task, Map.of("decision", "APPROVE"));
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        Reply stranger = scenarios.complete("reviewer-hinaura", task, Map.of("decision", "APPROVE"));
        assertThat(stranger.status()).as("%s", stranger).isEqualTo(404);
        assertThat(timelineCount(application, "REVIEW_APPROVE")).isEqualTo(1);
    }

    @Test
    void fiftySubmissionsOfOneSiretAtOnceCreateOneApplication() throws Exception {
        Map<String, Object> body = Samples.application();
        String siret = (String) body.get("siret");
        List<Callable<Reply>> submissions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            submissions.add(() -> api.post("/api/applications").json(body).send());
        }
        List<Reply> replies = atOnce(submissions);

        assertThat(replies.stream().filter(r -> r.status() == 201))
                .as("%s", replies)
                .hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() == 409))
                .as("%s", replies)
                .hasSize(49);
        Long stored = jdbc.sql("select count(*) from app_application where siret = ?")
                .param(siret)
                .query(Long.class)
                .single();
        assertThat(stored).isEqualTo(1);
        String id = replies.stream()
                .filter(r -> r.status() == 201)
                .findFirst()
                .orElseThrow()
                .json()
                .path("applicationId")
                .asText();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(id)
                        .processDefinitionKey("free-qualification")
                        .count())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from app_application a join app_timeline t on t.application_id = a.id"
                                + " where a.siret = ? and t.event = 'SUBMITTED'")
                        .param(siret)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long timelineCount(Submitted application, String event) {
        return jdbc.sql("select count(*) from app_timeline where application_id = ? and event = ?")
                .params(application.id(), event)
                .query(Long.class)
                .single();
    }

    /** Runs the calls in as many threads, released together. */
    static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
