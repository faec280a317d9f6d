package fr.aptic.qualification.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.csv.CsvReader;
import fr.aptic.qualification.csv.CsvRecord;
import fr.aptic.qualification.csv.CsvSchema;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code GET /api/places.csv}: the national open-data standard's columns, {@code APTIC} in
 * {@code autres_formations_labels}, and what an applicant typed neutralised against formula injection, so
 * that opening the file in a spreadsheet runs nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlacesCsvTest {

    @LocalServerPort
    int port;

    @Test
    void exportsQualifiedPlacesInTheNationalStandardWithFormulasNeutralised() throws Exception {
        ApiClient api = new ApiClient(port);
        Scenarios scenarios = new Scenarios(api);
        Map<String, Object> body = Samples.application();
        @SuppressWarnings("unchecked")
        Map<String, Object> organisation = (Map<String, Object>) body.get("organisation");
        organisation.put("name", "+SUM(1;2)");
        Samples.firstPlace(body).put("name", "=cmd|' /C calc'!A0");
        Samples.firstPlace(body).put("address", "@SUM(1+1)*cmd|' /C calc'!A0");
        Samples.firstPlace(body).put("openingHours", "-2+3+cmd|' /C calc'!A0");
        Submitted submitted = scenarios.submit(body);
        assertThat(scenarios
                        .complete(
                                Scenarios.CORSE_REVIEWER,
                                scenarios.taskId(submitted.id(), Scenarios.REVIEW_TASK),
                                Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(204);
        assertThat(scenarios
                        .complete(
                                "backoffice",
                                scenarios.taskId(submitted.id(), Scenarios.BANK_TASK),
                                Map.of("bankValid", true))
                        .status())
                .isEqualTo(204);

        Reply csv = api.get("/api/places.csv?departement=2A").send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment"));

        List<CsvRecord> rows;
        try (CsvReader reader =
                CsvReader.open(new ByteArrayInputStream(csv.body()), CsvSchema.allRequired(OpenDataCsv.COLUMNS))) {
            assertThat(reader.header()).containsExactlyElementsOf(OpenDataCsv.COLUMNS);
            rows = reader.stream()
                    .filter(row -> submitted.siret().equals(row.get("pivot")))
                    .toList();
        }
        assertThat(rows).hasSize(1);
        CsvRecord place = rows.get(0);
        assertThat(place.get("nom")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(place.get("adresse")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(place.get("horaires")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(place.get("structure_parente")).isEqualTo("'+SUM(1;2)");
        assertThat(place.get("commune")).isEqualTo("Ajaccio");
        assertThat(place.get("code_postal")).isEqualTo("20000");
        assertThat(place.get("autres_formations_labels")).isEqualTo("APTIC");
        assertThat(place.get("itinerance")).isEqualTo("Fixe");
        assertThat(place.get("date_maj")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(place.get("services"))
                .isEqualTo("Aide aux démarches administratives|Maîtrise des outils numériques du quotidien");
        assertThat(csv.text()).doesNotContain("\n=", ",=", ",+", ",@", ",-2");
    }
}
