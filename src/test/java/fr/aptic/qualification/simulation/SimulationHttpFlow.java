package fr.aptic.qualification.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@code POST /api/simulations} over HTTP on the hand-counted data set of {@link SimulationDataSet}, stored in
 * the database: a process owner uploads an edited {@code eligibility.dmn} and reads whose outcome would change,
 * as JSON or CSV; nothing changes; everyone else is refused, and bad input is named.
 *
 * <p>The context is shared with other web tests, whose applications are submitted today: the simulations here
 * are scoped to the data set's submission period, and the data set is removed afterwards. Run on H2 and on
 * PostgreSQL (where rows stream through a read-only cursor) by the subclasses.
 */
abstract class SimulationHttpFlow {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepositoryService repository;

    @BeforeEach
    void storeDataSet() {
        for (StoredApplication row : SimulationDataSet.applications()) {
            Timestamp at = Timestamp.from(row.submittedOn()
                    .atTime(10, 0)
                    .atZone(fr.aptic.qualification.eligibility.AssessmentService.PARIS)
                    .toInstant());
            jdbc.sql("insert into app_application (id, siret, path, status, tracking_token_hash, organisation_name,"
                            + " contact_email, departement, eligible, score, reasons, body, submitted_at, updated_at)"
                            + " values (?, '00000000000000', 'FREE', ?, 'x', 'Simulation', 'sim@exemple.org', ?, ?, ?,"
                            + " ?, ?, ?, ?)")
                    .params(
                            row.id(),
                            row.eligible() == null ? "SUBMITTED" : row.eligible() ? "UNDER_REVIEW" : "INELIGIBLE",
                            row.departement(),
                            row.eligible(),
                            row.score(),
                            row.reasons(),
                            row.body(),
                            at,
                            at)
                    .update();
        }
    }

    @AfterEach
    void removeDataSet() {
        jdbc.sql("delete from app_application where id like 'sim-a%'").update();
    }

    @Test
    void processOwnerSeesWhichApplicationsHomeServicesOpeningIn2022WouldTurnIneligible() {
        long decisionVersions = repository.createDecisionDefinitionQuery().count();
        String before = storedOutcomes();

        ResponseEntity<Map<String, Object>> response =
                upload("owner", SimulationDataSet.homeServicesOpenIn2022(), MediaType.APPLICATION_JSON, MAP);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> report = response.getBody();
        assertThat(report)
                .containsEntry("decisionKey", "eligibility")
                .containsEntry("candidate", "fichier eligibility.dmn")
                .containsEntry("baseline", "stored")
                .containsEntry("applications", 10)
                .containsEntry("compared", 9)
                .containsEntry("notAssessed", 1)
                .containsEntry("changed", 4)
                .containsEntry("unchanged", 5);
        assertThat(report.get("transitions"))
                .isEqualTo(List.of(
                        Map.of(
                                "from",
                                "ELIGIBLE",
                                "to",
                                "INELIGIBLE",
                                "count",
                                2,
                                "examples",
                                List.of("sim-a02", "sim-a03")),
                        Map.of(
                                "from",
                                "INELIGIBLE",
                                "to",
                                "INELIGIBLE",
                                "count",
                                2,
                                "examples",
                                List.of("sim-a06", "sim-a10"))));
        // Read-only: no decision deployed, no stored outcome touched.
        assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(decisionVersions);
        assertThat(storedOutcomes()).isEqualTo(before);
    }

    @Test
    void csvAnswerListsTransitionsReasonsAndDepartements() {
        ResponseEntity<String> response =
                upload("owner", SimulationDataSet.thresholdRaisedTo60(), new MediaType("text", "csv"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(new MediaType("text", "csv")))
                .isTrue();
        assertThat(response.getBody().lines().toList())
                .startsWith("section,key,from,to,count,examples")
                .contains(
                        "summary,changed,,,1,",
                        "transition,,ELIGIBLE,INELIGIBLE,1,sim-a08",
                        "reason,SCORE_TOO_LOW,absent,present,1,sim-a08",
                        "departement,69,ELIGIBLE,INELIGIBLE,1,sim-a08");
    }

    @Test
    void deployedVersionCanBeSimulatedByKeyAndVersionAndAgreesWithWhatWasStored() {
        int latest = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("eligibility")
                .latestVersion()
                .singleResult()
                .getVersion();

        ResponseEntity<Map<String, Object>> response = http.withBasicAuth("owner", "demo")
                .exchange(
                        "/api/simulations",
                        HttpMethod.POST,
                        json(Map.of(
                                "decisionKey",
                                "eligibility",
                                "version",
                                latest,
                                "submittedFrom",
                                SimulationDataSet.FIRST_DAY.toString(),
                                "submittedTo",
                                SimulationDataSet.LAST_DAY.toString())),
                        MAP);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .containsEntry("candidate", "version " + latest)
                .containsEntry("compared", 9)
                .containsEntry("changed", 0);

        ResponseEntity<Map<String, Object>> byParameters = http.withBasicAuth("owner", "demo")
                .exchange(
                        "/api/simulations?decisionKey=eligibility&baseline=deployed&departement=69&submittedFrom="
                                + SimulationDataSet.FIRST_DAY + "&submittedTo=" + SimulationDataSet.LAST_DAY,
                        HttpMethod.POST,
                        HttpEntity.EMPTY,
                        MAP);
        assertThat(byParameters.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byParameters.getBody())
                .containsEntry("baseline", "deployed")
                .containsEntry("applications", 4)
                .containsEntry("compared", 4)
                .containsEntry("changed", 0);

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("decisionKey", "eligibility");
        form.add("version", String.valueOf(latest));
        form.add("departement", "2A");
        form.add("submittedFrom", SimulationDataSet.FIRST_DAY.toString());
        form.add("submittedTo", SimulationDataSet.LAST_DAY.toString());
        HttpHeaders formHeaders = new HttpHeaders();
        formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<Map<String, Object>> byForm = http.withBasicAuth("owner", "demo")
                .exchange("/api/simulations", HttpMethod.POST, new HttpEntity<>(form, formHeaders), MAP);
        assertThat(byForm.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byForm.getBody()).containsEntry("applications", 3).containsEntry("changed", 0);
    }

    @Test
    void onlyProcessOwnersAndTheNationalTeamMaySimulate() {
        HttpEntity<MultiValueMap<String, Object>> request =
                multipart(SimulationDataSet.unchanged(), MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/simulations", HttpMethod.POST, request, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("national", "demo")
                        .exchange("/api/simulations", HttpMethod.POST, request, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("backoffice", "demo")
                        .exchange("/api/simulations", HttpMethod.POST, request, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("reviewer-corse", "demo")
                        .exchange("/api/simulations", HttpMethod.POST, request, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void brokenCandidateIsRefusedNamingTheProblem() {
        ResponseEntity<Map<String, Object>> notDmn =
                upload("owner", "<definitions>".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, MAP);
        assertThat(notDmn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(notDmn))
                .singleElement()
                .satisfies(error -> assertThat(error)
                        .containsEntry("field", "file")
                        .hasEntrySatisfying(
                                "message",
                                message -> assertThat((String) message).contains("eligibility.dmn")));

        byte[] typo = SimulationDataSet.edit(
                "<text>&lt; date(\"2021-01-01\")</text>", "<text>&lt; date(\"2021-01-01\"</text>");
        ResponseEntity<Map<String, Object>> feelError = upload("owner", typo, MediaType.APPLICATION_JSON, MAP);
        assertThat(feelError.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(feelError))
                .singleElement()
                .satisfies(error -> assertThat((String) error.get("message"))
                        .contains("Rule_HomePhaseNotOpen", "date(\"2021-01-01\""));

        MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
        noFile.add("decisionKey", "eligibility");
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map<String, Object>> withoutFile = http.withBasicAuth("owner", "demo")
                .exchange("/api/simulations", HttpMethod.POST, new HttpEntity<>(noFile, multipart), MAP);
        assertThat(withoutFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(withoutFile))
                .singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "file"));

        byte[] renamed = SimulationDataSet.edit("<decision id=\"eligibility\" ", "<decision id=\"eligibilite\" ");
        ResponseEntity<Map<String, Object>> missing = upload("owner", renamed, MediaType.APPLICATION_JSON, MAP);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) errors(missing).get(0).get("message")).contains("eligibility");
    }

    @Test
    void unknownDecisionOrVersionIsNotFound() {
        assertThat(http.withBasicAuth("owner", "demo")
                        .exchange(
                                "/api/simulations",
                                HttpMethod.POST,
                                json(Map.of("decisionKey", "eligibility", "version", 999)),
                                MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("owner", "demo")
                        .exchange(
                                "/api/simulations?decisionKey=no-such-decision", HttpMethod.POST, HttpEntity.EMPTY, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> routing = http.withBasicAuth("owner", "demo")
                .exchange("/api/simulations?decisionKey=hub-routing", HttpMethod.POST, HttpEntity.EMPTY, MAP);
        assertThat(routing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(routing))
                .singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "decisionKey"));
    }

    private <T> ResponseEntity<T> upload(String user, byte[] model, MediaType accept, Class<T> type) {
        return http.withBasicAuth(user, "demo")
                .exchange("/api/simulations", HttpMethod.POST, multipart(model, accept), type);
    }

    private <T> ResponseEntity<T> upload(
            String user, byte[] model, MediaType accept, ParameterizedTypeReference<T> type) {
        return http.withBasicAuth(user, "demo")
                .exchange("/api/simulations", HttpMethod.POST, multipart(model, accept), type);
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(byte[] model, MediaType accept) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(model) {
            @Override
            public String getFilename() {
                return "eligibility.dmn";
            }
        });
        parts.add("decisionKey", "eligibility");
        parts.add("submittedFrom", SimulationDataSet.FIRST_DAY.toString());
        parts.add("submittedTo", SimulationDataSet.LAST_DAY.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(accept));
        return new HttpEntity<>(parts, headers);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    private String storedOutcomes() {
        return jdbc.sql("select id, status, eligible, score, reasons from app_application where id like 'sim-a%'"
                        + " order by id")
                .query()
                .listOfRows()
                .toString();
    }
}
