package fr.aptic.qualification.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.support.ApiClient.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts applications in the states tests start from, the way people get them there: the applicant submits
 * over HTTP, the routed hub's reviewer decides through the engine REST API. Demo users, password {@code demo}.
 */
public final class Scenarios {

    public static final String PASSWORD = "demo";
    public static final String ADMIN = "admin";
    public static final String CORSE_REVIEWER = "reviewer-corse";
    public static final String REVIEW_TASK = "Task_ReviewApplication";
    public static final String BANK_TASK = "Task_ValidateBankDetails";

    private final ApiClient api;

    public Scenarios(ApiClient api) {
        this.api = api;
    }

    /** An application as the applicant knows it: its id and tracking token. */
    public record Submitted(String id, String token, String siret) {}

    public Submitted submit(Map<String, Object> body) {
        Reply reply = api.post("/api/applications").json(body).send();
        assertThat(reply.status()).as("submission: %s", reply).isEqualTo(201);
        JsonNode json = reply.json();
        return new Submitted(
                json.get("applicationId").asText(), json.get("trackingToken").asText(), (String) body.get("siret"));
    }

    /** A valid application in Ajaccio, under review by hub-corse. */
    public Submitted underReview() {
        return submit(Samples.application());
    }

    /** Under review, then sent back to the applicant by the hub (reason INCOMPLETE). */
    public Submitted changesRequested() {
        Submitted submitted = underReview();
        Reply reply = complete(
                CORSE_REVIEWER,
                taskId(submitted.id(), REVIEW_TASK),
                Map.of("decision", "REQUEST_CHANGES", "reason", "INCOMPLETE", "comment", "Horaires manquants"));
        assertThat(reply.status()).as("request changes: %s", reply).isEqualTo(204);
        return submitted;
    }

    /** Approved by the hub: the back office's bank validation task is open. */
    public Submitted contracting() {
        Submitted submitted = underReview();
        Reply reply = complete(CORSE_REVIEWER, taskId(submitted.id(), REVIEW_TASK), Map.of("decision", "APPROVE"));
        assertThat(reply.status()).as("approve: %s", reply).isEqualTo(204);
        return submitted;
    }

    /** The id of the open task of that definition for the application, as an administrator sees it. */
    public String taskId(String applicationId, String definitionKey) {
        Reply reply = api.get("/engine-rest/task?processInstanceBusinessKey=" + applicationId + "&taskDefinitionKey="
                        + definitionKey)
                .basic(ADMIN, PASSWORD)
                .send();
        assertThat(reply.status()).as("task query: %s", reply).isEqualTo(200);
        assertThat(reply.json())
                .as("open %s of %s", definitionKey, applicationId)
                .hasSize(1);
        return reply.json().get(0).get("id").asText();
    }

    /** The id of the application's instance of that process (running or ended), as an administrator sees it. */
    public String instanceId(String applicationId, String processKey) {
        Reply reply = api.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + applicationId
                        + "&processDefinitionKey=" + processKey)
                .basic(ADMIN, PASSWORD)
                .send();
        assertThat(reply.status()).as("instance query: %s", reply).isEqualTo(200);
        assertThat(reply.json())
                .as("%s instance of %s", processKey, applicationId)
                .hasSize(1);
        return reply.json().get(0).get("id").asText();
    }

    /** Completes a task through the engine REST API with these (string or boolean) variables. */
    public Reply complete(String user, String taskId, Map<String, Object> variables) {
        return api.post("/engine-rest/task/" + taskId + "/complete")
                .basic(user, PASSWORD)
                .json(Map.of("variables", variables(variables)))
                .send();
    }

    public static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    public Reply view(Submitted submitted) {
        return api.get("/api/applications/" + submitted.id())
                .token(submitted.token())
                .send();
    }
}
