package fr.aptic.qualification.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.support.DirectoryCsv;
import fr.aptic.qualification.support.Samples;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pass injections and the consolidation ratio over HTTP, at its edges: no place, exactly 15 000 € and 25 000 €
 * per place, a cent more, injections older than 12 months; refused requests; one campaign per territory at a
 * time. Each test works in its own département (the database is shared by the test classes of this context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsolidationHttpTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    JdbcClient jdbc;

    final LocalDate today = ConsolidationService.today();

    @Test
    void passesWithoutQualifiedPlaceMakeTheTerritoryUnderServedAndEndAnEmptyCampaignAtOnce() {
        ResponseEntity<Map<String, Object>> response = inject("15", 20_000, 1000, today);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsKey("injectionId").containsEntry("campaignOpened", true);
        assertThat(consolidation(response))
                .containsEntry("departement", "15")
                .containsEntry("hubId", "hinaura")
                .containsEntry("passesInjected", 20_000)
                .containsEntry("injectedValueEuros", 200_000.0)
                .containsEntry("qualifiedPlaces", 0)
                .containsEntry("incomePerPlaceEuros", null)
                .containsEntry("targetMinEuros", 15_000)
                .containsEntry("targetMaxEuros", 25_000)
                .containsEntry("status", "UNDER_SERVED")
                .containsEntry("placesToRecruit", 8);
        // No known place in the Cantal: every place to recruit runs out of candidates at once.
        Map<String, Object> campaign =
                get("/api/campaigns/" + response.getBody().get("campaignId"), "national");
        assertThat(campaign)
                .containsEntry("status", "ENDED")
                .containsEntry("endReason", "CANDIDATES_EXHAUSTED")
                .containsEntry("placesToRecruit", 8)
                .containsEntry("contactGroup", "hub-hinaura");
        assertThat((List<?>) campaign.get("candidates")).isEmpty();
    }

    @Test
    void exactlyFifteenThousandEurosPerPlaceIsBalancedAndACentLessIsOverServed() {
        QualifiedPlaces.seed(applications, "43", "43000", "43157", "Le Puy-en-Velay", 10);

        ResponseEntity<Map<String, Object>> response = inject("43", 15_000, 1000, today);

        assertThat(consolidation(response))
                .containsEntry("qualifiedPlaces", 10)
                .containsEntry("incomePerPlaceEuros", 15_000.0)
                .containsEntry("status", "BALANCED")
                .containsEntry("placesToRecruit", 0);
        assertThat(response.getBody()).containsEntry("campaignId", null).containsEntry("campaignOpened", false);

        QualifiedPlaces.seed(applications, "43", "43000", "43157", "Le Puy-en-Velay", 1);
        assertThat(get("/api/territories/43/consolidation", "national"))
                .containsEntry("qualifiedPlaces", 11)
                .containsEntry("incomePerPlaceEuros", 13_636.36)
                .containsEntry("status", "OVER_SERVED")
                .containsEntry("placesToRecruit", 0);
    }

    @Test
    void exactlyTwentyFiveThousandEurosPerPlaceIsBalancedAndACentMoreRecruits() {
        QualifiedPlaces.seed(applications, "07", "07000", "07186", "Privas", 10);

        ResponseEntity<Map<String, Object>> balanced = inject("07", 25_000, 1000, today);
        assertThat(consolidation(balanced))
                .containsEntry("incomePerPlaceEuros", 25_000.0)
                .containsEntry("status", "BALANCED")
                .containsEntry("placesToRecruit", 0);
        assertThat(balanced.getBody()).containsEntry("campaignId", null);

        ResponseEntity<Map<String, Object>> above = inject("07", 1, 1, today);
        assertThat(consolidation(above))
                .containsEntry("injectedValueEuros", 250_000.01)
                .containsEntry("status", "UNDER_SERVED")
                .containsEntry("placesToRecruit", 1);
        assertThat(above.getBody()).containsEntry("campaignOpened", true);
    }

    @Test
    void injectionsOlderThanTwelveMonthsNoLongerCount() {
        QualifiedPlaces.seed(applications, "26", "26000", "26362", "Valence", 1);

        inject("26", 1_000, 1000, today.minusMonths(12));
        ResponseEntity<Map<String, Object>> recent =
                inject("26", 2_000, 1000, today.minusMonths(12).plusDays(1));

        assertThat(consolidation(recent))
                .containsEntry("passesInjected", 2_000)
                .containsEntry("injectedValueEuros", 20_000.0)
                .containsEntry("incomePerPlaceEuros", 20_000.0)
                .containsEntry("status", "BALANCED");
    }

    @Test
    void unknownDepartementIsRefusedNamingTheFieldAndStoresNothing() {
        for (String code : List.of("20", "99", "2C", "975", "6")) {
            ResponseEntity<Map<String, Object>> response = inject(code, 100, 1000, today);
            assertThat(response.getStatusCode()).as(code).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(fields(response)).as(code).containsExactly("departement");
            assertThat(exchange("/api/territories/" + code + "/consolidation", HttpMethod.GET, "national", null)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(jdbc.sql("select count(*) from app_pass_injection where departement in ('20', '99', '2C', '975')")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void invalidInjectionNamesEachFieldAndStoresNothing() {
        Map<String, Object> body = new HashMap<>();
        body.put("funder", " ");
        body.put("passes", 0);
        body.put("faceValueCents", -5);
        body.put("date", today.plusDays(1).toString());
        ResponseEntity<Map<String, Object>> response =
                exchange("/api/territories/63/pass-injections", HttpMethod.POST, "national", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactlyInAnyOrder("funder", "passes", "faceValueCents", "date");

        body.put("funder", "Département du Puy-de-Dôme");
        body.put("passes", 10);
        body.put("faceValueCents", 1000);
        body.put("date", "2026-13-01");
        ResponseEntity<Map<String, Object>> malformed =
                exchange("/api/territories/63/pass-injections", HttpMethod.POST, "national", body);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(malformed)).containsExactly("date");
        assertThat(jdbc.sql("select count(*) from app_pass_injection where departement = '63'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void secondInjectionWhileACampaignIsOpenOpensNoOther() {
        // The Gironde has had no hub since Hubik closed: the national team contacts the candidates.
        String csv = new DirectoryCsv()
                .add(DirectoryCsv.place(
                        "gironde-" + Samples.siret(),
                        Samples.siret(),
                        "Cyber-base de Bègles",
                        "33130",
                        "33039",
                        "Bègles",
                        today))
                .text();
        assertThat(exchange("/api/directory", HttpMethod.POST, "national", csv, MediaType.parseMediaType("text/csv"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> first = inject("33", 2_500, 1000, today);
        ResponseEntity<Map<String, Object>> second = inject("33", 5_000, 1000, today);

        String campaignId = (String) first.getBody().get("campaignId");
        assertThat(first.getBody()).containsEntry("campaignOpened", true);
        assertThat(consolidation(first)).containsEntry("hubId", null);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody()).containsEntry("campaignId", campaignId).containsEntry("campaignOpened", false);
        assertThat(consolidation(second)).containsEntry("placesToRecruit", 3);
        assertThat(jdbc.sql("select count(*) from app_campaign where departement = '33'")
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(get("/api/campaigns/" + campaignId, "national"))
                .containsEntry("status", "OPEN")
                .containsEntry("contactGroup", "aptic-qualification");
    }

    @Test
    void onlyTheNationalTeamRecordsInjectionsAndOnlyStaffOrTheHubReadTheRatio() {
        Map<String, Object> body =
                Map.of("funder", "CAF du Puy-de-Dôme", "passes", 10, "faceValueCents", 1000, "date", today.toString());
        assertThat(exchange("/api/territories/63/pass-injections", HttpMethod.POST, "reviewer-hinaura", body)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange(
                                "/api/territories/63/pass-injections",
                                HttpMethod.POST,
                                entity(body, MediaType.APPLICATION_JSON),
                                MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/api/territories/63/consolidation", HttpMethod.GET, null, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange("/api/territories/63/consolidation", HttpMethod.GET, "reviewer-hinaura", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(exchange("/api/territories/63/consolidation", HttpMethod.GET, "reviewer-sud", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("/api/territories/63/consolidation", HttpMethod.GET, "backoffice", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    ResponseEntity<Map<String, Object>> inject(String departement, int passes, int faceValueCents, LocalDate date) {
        return exchange(
                "/api/territories/" + departement + "/pass-injections",
                HttpMethod.POST,
                "national",
                Map.of(
                        "funder",
                        "Conseil départemental",
                        "passes",
                        passes,
                        "faceValueCents",
                        faceValueCents,
                        "date",
                        date.toString()));
    }

    Map<String, Object> get(String path, String user) {
        ResponseEntity<Map<String, Object>> response = exchange(path, HttpMethod.GET, user, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    ResponseEntity<Map<String, Object>> exchange(String path, HttpMethod method, String user, Object body) {
        return exchange(path, method, user, body, MediaType.APPLICATION_JSON);
    }

    ResponseEntity<Map<String, Object>> exchange(
            String path, HttpMethod method, String user, Object body, MediaType type) {
        return http.withBasicAuth(user, "demo").exchange(path, method, entity(body, type), MAP);
    }

    static HttpEntity<Object> entity(Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(type);
        }
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> consolidation(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (Map<String, Object>) response.getBody().get("consolidation");
    }

    @SuppressWarnings("unchecked")
    static List<Object> fields(ResponseEntity<Map<String, Object>> response) {
        return ((List<Map<String, Object>>) response.getBody().get("errors"))
                .stream().map(e -> e.get("field")).toList();
    }
}
