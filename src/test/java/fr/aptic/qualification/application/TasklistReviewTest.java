package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Samples;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a hub reviewer meets in the real Tasklist (its own backend, with its login, session and CSRF token):
 * the French filters, only their hub's tasks in "Tâches de mon groupe", the review form, and a decision
 * submitted from there, validated by the server like any other completion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationService applications;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void corsicanReviewerSeesAndDecidesTheirTaskInTasklistWhileAnotherHubSeesNothing() throws Exception {
        String id = applications
                .submit(
                        objectMapper.convertValue(Samples.application(), ApplicationRequest.class),
                        ApplicationService.Origin.free())
                .applicationId();

        Tasklist hinaura = Tasklist.login(port, "reviewer-hinaura");
        assertThat(hinaura.filterNames()).contains("Mes tâches", "Tâches de mon groupe");
        assertThat(hinaura.groupTaskBusinessKeys(objectMapper)).doesNotContain(id);

        Tasklist corse = Tasklist.login(port, "reviewer-corse");
        JsonNode task = corse.groupTask(objectMapper, id);
        assertThat(task.path("name").asText()).isEqualTo("Instruire la demande");
        String taskId = task.path("id").asText();
        assertThat(corse.get("/task/" + taskId + "/deployed-form").body())
                .contains("\"id\": \"review-application\"", "Décision", "reasonsInWords", "consolidationStatus");
        JsonNode form = objectMapper.readTree(
                corse.get("/task/" + taskId + "/form-variables").body());
        assertThat(form.path("reasonsInWords").path("value").asText())
                .startsWith("Aucun motif relevé : les règles d'éligibilité jugent la demande éligible (score ");
        assertThat(form.path("consolidationStatus").path("value").asText())
                .isNotBlank()
                .doesNotContain("_");

        HttpResponse<String> refused = corse.post(
                "/task/" + taskId + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"REQUEST_CHANGES\"}, \"reason\": {\"value\": \"PAS_UN_MOTIF\"}}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("INCORRECT, INCOMPLETE ou OUTDATED");

        HttpResponse<String> decided = corse.post(
                "/task/" + taskId + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"REQUEST_CHANGES\"}, \"reason\": {\"value\": \"INCOMPLETE\"},"
                        + " \"comment\": {\"value\": \"Précisez les horaires\"}}}");
        assertThat(decided.statusCode()).isEqualTo(204);
        assertThat(corse.groupTaskBusinessKeys(objectMapper)).doesNotContain(id);
    }

    @Test
    void tasklistIsOfferedInFrench() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String app = "http://localhost:" + port + "/camunda/app/tasklist";
        HttpResponse<String> config = client.send(
                HttpRequest.newBuilder(URI.create(app + "/scripts/config.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.body()).contains("availableLocales: ['fr']", "customScripts: ['scripts/aptic-menus']");
        HttpResponse<String> french = client.send(
                HttpRequest.newBuilder(URI.create(app + "/locales/fr.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.body()).contains("\"CLAIM_TASK\": \"Prendre en charge\"");
    }

    @Test
    void aHubReviewerMayNeitherCreateATaskNorStartAProcessSoTasklistOffersNeither() throws Exception {
        Tasklist corse = Tasklist.login(port, "reviewer-corse");
        // what aptic-menus.js asks before showing "Créer une tâche" and "Démarrer un processus"
        assertThat(corse.get(CAN_CREATE_TASK).body()).contains("\"authorized\":false");
        assertThat(corse.get(STARTABLE).body()).isEqualTo("{\"count\":0}");
        // and what the engine does when asked all the same, from Tasklist's session or over /engine-rest
        assertThat(corse.post("/task/create", "{\"name\": \"Tâche libre\"}").statusCode())
                .isEqualTo(403);
        assertThat(corse.post("/process-definition/key/free-qualification/start", "{}")
                        .statusCode())
                .isEqualTo(403);
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/engine-rest/task/create")
                        .basic("reviewer-corse", "demo")
                        .json(java.util.Map.of("name", "Tâche libre"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/engine-rest/process-definition/key/free-qualification/start")
                        .basic("reviewer-corse", "demo")
                        .json(java.util.Map.of())
                        .send()
                        .status())
                .isEqualTo(403);

        Tasklist admin = Tasklist.login(port, "admin");
        assertThat(admin.get(CAN_CREATE_TASK).body()).contains("\"authorized\":true");
        assertThat(objectMapper
                        .readTree(admin.get(STARTABLE).body())
                        .path("count")
                        .asInt())
                .isPositive();
    }

    private static final String CAN_CREATE_TASK =
            "/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7";
    private static final String STARTABLE = "/process-definition/count?latestVersion=true&active=true"
            + "&startableInTasklist=true&startablePermissionCheck=true";

    /** A logged-in Tasklist session: the webapp's own API, its session cookie and CSRF header. */
    record Tasklist(HttpClient client, String base, CookieManager cookies) {

        static Tasklist login(int port, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://localhost:" + port + "/camunda";
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/app/tasklist/default/"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String csrf = csrf(cookies);
            HttpResponse<String> login = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
                            .header("X-XSRF-TOKEN", csrf)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            return new Tasklist(client, base + "/api/engine/engine/default", cookies);
        }

        /** The webapp renews its CSRF token with the session at login: always send the current one. */
        static String csrf(CookieManager cookies) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .reduce((first, last) -> last)
                    .orElseThrow();
        }

        String csrf() {
            return csrf(cookies);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("X-XSRF-TOKEN", csrf())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("X-XSRF-TOKEN", csrf())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        java.util.List<String> filterNames() throws Exception {
            HttpResponse<String> filters = get("/filter?resourceType=Task");
            assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
            return new ObjectMapper().readTree(filters.body()).findValuesAsText("name");
        }

        JsonNode groupTasks(ObjectMapper mapper) throws Exception {
            JsonNode filters = mapper.readTree(get("/filter?resourceType=Task").body());
            String filterId = null;
            for (JsonNode filter : filters) {
                if (filter.path("name").asText().equals("Tâches de mon groupe")) {
                    filterId = filter.path("id").asText();
                }
            }
            HttpResponse<String> list = post("/filter/" + filterId + "/list?firstResult=0&maxResults=200", "{}");
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            return mapper.readTree(list.body());
        }

        java.util.List<String> groupTaskBusinessKeys(ObjectMapper mapper) throws Exception {
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (JsonNode task : groupTasks(mapper)) {
                keys.add(businessKey(mapper, task));
            }
            return keys;
        }

        JsonNode groupTask(ObjectMapper mapper, String businessKey) throws Exception {
            for (JsonNode task : groupTasks(mapper)) {
                if (businessKey.equals(businessKey(mapper, task))) {
                    return task;
                }
            }
            throw new AssertionError("No task of application " + businessKey + " in 'Tâches de mon groupe'");
        }

        private String businessKey(ObjectMapper mapper, JsonNode task) throws Exception {
            JsonNode variables = mapper.readTree(get("/task/" + task.path("id").asText() + "/variables/applicationId")
                    .body());
            return variables.path("value").asText();
        }
    }
}
