package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The free path reads what an applicant writes: a legal form in French words, a place without its INSEE code;
 * it refuses, naming the field in French, a form it does not know and a postal code of another commune, and then
 * stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FrenchWordsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper objectMapper;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> application(String siret, String legalForm, String postalCode, String insee) {
        Map<String, Object> body = Samples.application(siret, postalCode, insee, "Bastia");
        ((Map<String, Object>) body.get("organisation")).put("legalForm", legalForm);
        return body;
    }

    private ApiClient.Reply submit(Map<String, Object> body) {
        return new ApiClient(port).post("/api/applications").json(body).send();
    }

    @Test
    void aLegalFormInFrenchWordsAndAPlaceWithoutInseeCodeAreStoredAsTheRulesReadThem() throws Exception {
        String siret = Samples.siret();
        ApiClient.Reply reply = submit(application(siret, "Communauté d'agglomération", "20200", null));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = objectMapper.readTree(jdbc.sql("select body from app_application where siret = ?")
                .param(siret)
                .query(String.class)
                .single());
        assertThat(body.path("organisation").path("legalForm").asText()).isEqualTo("INTERMUNICIPALITY");
        assertThat(body.path("organisation").path("legalCategory").asText()).isEqualTo("7348");
        assertThat(body.path("places").path(0).path("inseeCode").asText()).isEqualTo("2B033");
    }

    @Test
    void anUnknownLegalFormIsRefusedWithFrenchExamplesAndNothingIsStored() {
        String siret = Samples.siret();
        ApiClient.Reply reply = submit(application(siret, "Limited company", "20200", "2B033"));
        assertThat(reply.status()).isEqualTo(400);
        JsonNode errors = reply.json().path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.path(0).path("field").asText()).isEqualTo("organisation.legalForm");
        assertThat(errors.path(0).path("message").asText())
                .contains("« Limited company »", "Association loi 1901", "Commune")
                .doesNotContain("COMPANY");
        assertThat(storedCount(siret)).isZero();
    }

    @Test
    void aPostalCodeOfAnotherCommuneIsRefusedNamingBoth() {
        String siret = Samples.siret();
        ApiClient.Reply reply = submit(application(siret, "ASSOCIATION", "20000", "2B033"));
        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo("places[0].postalCode");
        assertThat(error.path("message").asText()).contains("20000", "Bastia (2B033)", "20200", "Ajaccio (2A004)");
        assertThat(storedCount(siret)).isZero();
    }

    @Test
    void aCommuneThePostalCodeDoesNotServeIsRefusedWithTheCandidates() {
        String siret = Samples.siret();
        Map<String, Object> body = application(siret, "SCIC", "20000", null);
        Map<String, Object> place = Samples.firstPlace(body);
        place.put("commune", "Bastia");
        ApiClient.Reply reply = submit(body);
        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo("places[0].commune");
        assertThat(error.path("message").asText()).contains("« Bastia »", "20000", "Ajaccio (2A004)");
        assertThat(List.of(storedCount(siret))).containsExactly(0L);
    }

    private long storedCount(String siret) {
        return jdbc.sql("select count(*) from app_application where siret = ?")
                .param(siret)
                .query(Long.class)
                .single();
    }
}
