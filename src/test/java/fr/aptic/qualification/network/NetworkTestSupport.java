package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
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
 * What the network tests share: networks with a user of their own, batches posted over HTTP, and the engine's
 * jobs run by hand (the test profile turns the job executor off) to play the background starts.
 */
abstract class NetworkTestSupport {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
    static final String PASSWORD = "demo";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    /** A network created by the national team, with an agreement active today, and its user {@code partner-<id>}. */
    String newNetwork(boolean paysSubscription) {
        return newNetwork(
                LocalDate.now(NetworkService.PARIS).minusMonths(1),
                LocalDate.now(NetworkService.PARIS).plusYears(1),
                paysSubscription);
    }

    String newNetwork(LocalDate validFrom, LocalDate validUntil, boolean paysSubscription) {
        String id = "reseau-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> created = http.withBasicAuth("national", PASSWORD)
                .exchange(
                        "/api/networks",
                        HttpMethod.POST,
                        json(networkBody(id, validFrom, validUntil, paysSubscription)),
                        MAP);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var user = identity.newUser(partner(id));
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(partner(id), "network-" + id);
        return id;
    }

    static Map<String, Object> networkBody(String id, LocalDate validFrom, LocalDate validUntil, boolean pays) {
        return Map.of(
                "networkId",
                id,
                "name",
                "Réseau " + id,
                "agreement",
                Map.of(
                        "reference",
                        "CONV-" + id,
                        "validFrom",
                        validFrom.toString(),
                        "validUntil",
                        validUntil.toString()),
                "subscriptionPaidByNetwork",
                pays);
    }

    static String partner(String networkId) {
        return "partner-" + networkId;
    }

    ResponseEntity<Map<String, Object>> postCsv(String user, String networkId, byte[] csv, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(CSV);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.withBasicAuth(user, PASSWORD)
                .exchange(
                        "/api/networks/" + networkId + "/batches",
                        HttpMethod.POST,
                        new HttpEntity<>(csv, headers),
                        MAP);
    }

    ResponseEntity<Map<String, Object>> postJson(String user, String networkId, Object body) {
        return http.withBasicAuth(user, PASSWORD)
                .exchange("/api/networks/" + networkId + "/batches", HttpMethod.POST, json(body), MAP);
    }

    Map<String, Object> progress(String user, String networkId, String batchId) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, PASSWORD)
                .exchange("/api/networks/" + networkId + "/batches/" + batchId, HttpMethod.GET, null, MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    List<Map<String, Object>> members(String user, String networkId, String batchId, String status) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, PASSWORD)
                .exchange(
                        "/api/networks/" + networkId + "/batches/" + batchId + "/members"
                                + (status == null ? "" : "?status=" + status),
                        HttpMethod.GET,
                        null,
                        LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Runs every due job, as the job executor would, until none is left (the jobs a job creates included). */
    int runJobs() {
        int executed = 0;
        for (int round = 0; round < 1000; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return executed;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        throw new AssertionError("jobs keep coming");
    }

    static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("errors");
    }
}
