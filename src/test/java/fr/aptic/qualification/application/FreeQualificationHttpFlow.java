package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Samples;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The free path end to end over HTTP, as its users live it: the applicant submits, the routed hub's reviewer
 * decides through the engine REST API, the back office validates the bank details, and the place appears on
 * the public map; mails go out through a real SMTP server. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class FreeQualificationHttpFlow {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Test
    void qualifiesCorsicanProducerReviewedByHubCorseAndPublishesItsPlace() throws Exception {
        Map<String, Object> body = Samples.application();
        String siret = (String) body.get("siret");
        ResponseEntity<Map<String, Object>> created =
                http.exchange("/api/applications", HttpMethod.POST, json(body, null), MAP);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("applicationId");
        String token = (String) created.getBody().get("trackingToken");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/applications/" + id);
        assertThat(created.getBody()).containsEntry("status", "SUBMITTED");

        // One open application per SIRET; the tracking token is the only key for the applicant.
        assertThat(http.exchange(
                                "/api/applications",
                                HttpMethod.POST,
                                json(Samples.application(siret, "20000", "2A004", "Ajaccio"), null),
                                MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        HttpHeaders wrongToken = new HttpHeaders();
        wrongToken.set("X-Tracking-Token", "not-the-token");
        assertThat(http.exchange("/api/applications/" + id, HttpMethod.GET, new HttpEntity<>(wrongToken), MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange(
                                "/api/applications/" + java.util.UUID.randomUUID(),
                                HttpMethod.GET,
                                new HttpEntity<>(wrongToken),
                                MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders applicant = new HttpHeaders();
        applicant.set("X-Tracking-Token", token);
        assertThat(http.exchange(
                                "/api/applications/" + id + "/complements",
                                HttpMethod.POST,
                                json(Map.of("contact", Map.of("name", "X", "email", "x@exemple.org")), applicant),
                                MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        Map<String, Object> view = track(id, token);
        assertThat(view)
                .containsEntry("status", "UNDER_REVIEW")
                .containsEntry("reviewGroup", "hub-corse")
                .containsEntry("departement", "2A")
                .containsEntry("path", "FREE");

        // The Corsican hub sees the review task; the Rhône-Alpes hub does not, and cannot complete it.
        List<Map<String, Object>> corseTasks = tasks("reviewer-corse", "Task_ReviewApplication", id);
        assertThat(corseTasks).hasSize(1);
        assertThat(tasks("reviewer-hinaura", "Task_ReviewApplication", id)).isEmpty();
        String taskId = (String) corseTasks.get(0).get("id");
        assertThat(complete("reviewer-hinaura", taskId, Map.of("decision", Map.of("value", "APPROVE")))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

        // A decision the server does not accept leaves the task open.
        assertThat(complete("reviewer-corse", taskId, Map.of("decision", Map.of("value", "MAYBE")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete("reviewer-corse", taskId, Map.of("decision", Map.of("value", "REJECT")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tasks("reviewer-corse", "Task_ReviewApplication", id)).hasSize(1);

        assertThat(complete(
                                "reviewer-corse",
                                taskId,
                                Map.of(
                                        "decision", Map.of("value", "APPROVE"),
                                        "comment", Map.of("value", "Dossier complet")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(track(id, token)).containsEntry("status", "CONTRACTING");

        // Hubs never see the bank validation; the back office does.
        assertThat(tasks("reviewer-corse", "Task_ValidateBankDetails", id)).isEmpty();
        List<Map<String, Object>> bankTasks = tasks("backoffice", "Task_ValidateBankDetails", id);
        assertThat(bankTasks).hasSize(1);
        assertThat(complete(
                                "backoffice",
                                (String) bankTasks.get(0).get("id"),
                                Map.of("bankValid", Map.of("value", true)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        view = track(id, token);
        assertThat(view).containsEntry("status", "QUALIFIED").containsEntry("outcome", "QUALIFIED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) view.get("timeline");
        assertThat(timeline)
                .extracting(e -> e.get("event"))
                .contains(
                        "SUBMITTED",
                        "ASSESSED",
                        "UNDER_REVIEW",
                        "REVIEW_APPROVE",
                        "CONTRACTING",
                        "BANK_DETAILS_VALIDATED",
                        "SUBSCRIPTION_RECORDED",
                        "QUALIFIED");
        assertThat(timeline)
                .filteredOn(e -> "REVIEW_APPROVE".equals(e.get("event")))
                .extracting(e -> e.get("actor"))
                .containsExactly("reviewer-corse");

        ResponseEntity<List<Map<String, Object>>> map =
                http.exchange("/api/places?departement=2A", HttpMethod.GET, null, LIST);
        assertThat(map.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(map.getBody()).anySatisfy(place -> {
            assertThat(place).containsEntry("siret", siret).containsEntry("commune", "Ajaccio");
        });

        HttpHeaders afterwards = new HttpHeaders();
        afterwards.set("X-Tracking-Token", token);
        assertThat(http.exchange(
                                "/api/applications/" + id + "/withdrawal",
                                HttpMethod.POST,
                                new HttpEntity<>(afterwards),
                                MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        String contact = (String) ((Map<?, ?>) body.get("contact")).get("email");
        awaitMails(contact, 3);
        assertThat(subjectsTo(contact))
                .anyMatch(s -> s.contains("est enregistrée"))
                .anyMatch(s -> s.contains("est approuvée"))
                .anyMatch(s -> s.contains("qualifié"));
    }

    Map<String, Object> track(String id, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Tracking-Token", token);
        ResponseEntity<Map<String, Object>> response =
                http.exchange("/api/applications/" + id, HttpMethod.GET, new HttpEntity<>(headers), MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
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

    ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
        return http.withBasicAuth(user, "demo")
                .exchange(
                        "/engine-rest/task/" + taskId + "/complete",
                        HttpMethod.POST,
                        json(Map.of("variables", variables), null),
                        String.class);
    }

    static HttpEntity<Object> json(Object body, HttpHeaders extra) {
        HttpHeaders headers = extra == null ? new HttpHeaders() : extra;
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    static void awaitMails(String recipient, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (subjectsTo(recipient).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    static List<String> subjectsTo(String recipient) throws Exception {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(recipient));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .map(FreeQualificationHttpFlow::subject)
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
