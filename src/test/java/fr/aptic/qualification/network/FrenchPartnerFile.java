package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.support.Samples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partner's real file, exported from a French spreadsheet: legal forms in French words, Windows-1252, {@code ;},
 * a commune without its INSEE code. It goes through with only its truly bad rows reported, once per (row, column),
 * and the errors come back as a file the partner opens beside its own. Run on H2 and PostgreSQL.
 */
abstract class FrenchPartnerFile extends NetworkTestSupport {

    private static final String HEADER = "siret;name;legalForm;contactName;contactEmail;placeName;address;postalCode;"
            + "inseeCode;commune;placeKind;conventionReference;services;trainedMediators;openingHoursPerWeek;"
            + "accessible;servicesPerYear;regulatedPrice;charterAccepted;iban;bic";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper objectMapper;

    private static String row(
            String siret, String legalForm, String postalCode, String insee, String commune, String services) {
        return String.join(
                ";",
                siret,
                "Espace numérique " + siret.substring(10),
                legalForm,
                "Camille Martin",
                "camille." + siret + "@exemple.org",
                "Médiathèque",
                "1 place de l'Église",
                postalCode,
                insee,
                commune,
                "OWN_PLACE",
                "",
                services,
                "2",
                "30",
                "oui",
                "1800",
                "oui",
                "oui",
                "",
                "");
    }

    @Test
    void aWindows1252FileInFrenchWordsGoesThroughWithOnlyItsBadRowsReportedOnceEach() throws Exception {
        String network = newNetwork(false);
        String association = Samples.siret();
        String lyon = Samples.siret();
        String bastia = Samples.siret();
        String ccas = Samples.siret();
        String helps = "Aide aux démarches administratives";
        String csv = String.join(
                        "\r\n",
                        HEADER,
                        row(association, "Association loi 1901", "20000", "2A004", "Ajaccio", helps), // 2
                        row(lyon, "Collectivité", "69001", "", "Lyon", helps), // 3: INSEE code filled
                        row(bastia, "Mairie de Bastia", "20200", "2B033", "Bastia", helps), // 4
                        row(Samples.siret(), "SCIC", "69002", "69381", "Lyon", helps), // 5: another commune's code
                        row(Samples.siret(), "Castle", "20000", "2A004", "Ajaccio", "Cours de cuisine|Cours de danse"),
                        row(Samples.siret(), "micro-entrepreneur", "01400", "", "Lyon", helps), // 7: no such commune
                        row(ccas, "C.C.A.S.", "75011", "", "Paris", helps)) // 8
                + "\r\n";
        ResponseEntity<Map<String, Object>> answer =
                postCsv(partner(network), network, csv.getBytes(Charset.forName("windows-1252")), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody())
                .containsEntry("received", 7)
                .containsEntry("accepted", 4)
                .containsEntry("rejected", 3);
        List<Map<String, Object>> errors = errors(answer.getBody());
        assertThat(errors)
                .extracting(e -> e.get("row"), e -> e.get("field"))
                .containsExactly(
                        tuple(5, "postalCode"), tuple(6, "legalForm"), tuple(6, "services"), tuple(7, "commune"));
        assertThat(errors.get(0).get("message").toString())
                .contains("69002", "Lyon 1er Arrondissement (69381)", "69001");
        assertThat(errors.get(1).get("message").toString())
                .contains("« Castle »", "Association loi 1901")
                .doesNotContain("INTERMUNICIPALITY");
        assertThat(errors.get(2).get("message").toString()).contains("Cours de cuisine", "Cours de danse");
        assertThat(errors.get(3).get("message").toString()).contains("« Lyon »", "01400", "L'Abergement-Clémenciat");

        assertThat(stored(association)).containsExactly("ASSOCIATION", "9220", "2A004");
        assertThat(stored(lyon)).containsExactly("MUNICIPALITY", "72", "69123");
        assertThat(stored(bastia)).containsExactly("MUNICIPALITY", "7210", "2B033");
        assertThat(stored(ccas)).containsExactly("PUBLIC_BODY", "7361", "75056");
        assertThat(jdbc.sql("select insee_code from app_place p join app_application a on a.id = p.application_id"
                                + " where a.siret = ?")
                        .param(lyon)
                        .query(String.class)
                        .single())
                .isEqualTo("69123");

        String batchId = (String) answer.getBody().get("batchId");
        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<byte[]> file = http.withBasicAuth(partner(network), PASSWORD)
                .exchange(
                        "/api/networks/" + network + "/batches/" + batchId + "/errors",
                        HttpMethod.GET,
                        new HttpEntity<>(accept),
                        byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("erreurs-" + batchId + ".csv");
        String text = new String(file.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFligne;colonne;message\r\n");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("5;postalCode;");
        assertThat(lines.get(2)).startsWith("6;legalForm;");
        assertThat(lines.get(4)).startsWith("7;commune;");
    }

    @Test
    void theApiStillAcceptsTodaysCodes() {
        String network = newNetwork(false);
        String csv = HEADER + "\n"
                + row(Samples.siret(), "ASSOCIATION", "20000", "2A004", "Ajaccio", "Aide aux démarches administratives")
                + "\n";
        ResponseEntity<Map<String, Object>> answer =
                postCsv(partner(network), network, csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(answer.getBody()).containsEntry("accepted", 1).containsEntry("rejected", 0);
    }

    /** Legal form, INSEE category and first place's INSEE code as stored in the application's body. */
    private List<String> stored(String siret) throws Exception {
        String body = jdbc.sql("select body from app_application where siret = ?")
                .param(siret)
                .query(String.class)
                .single();
        JsonNode json = objectMapper.readTree(body);
        return List.of(
                json.path("organisation").path("legalForm").asText(),
                json.path("organisation").path("legalCategory").asText(),
                json.path("places").path(0).path("inseeCode").asText());
    }
}
