package fr.aptic.qualification.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * that opening the file in a spreadsheet runs nothing; a place's coordinates in the CSV, as a GeoJSON point and in
 * the JSON when it has them, empty or null when it has none.
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
        Submitted submitted = qualify(scenarios, body);

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
        assertThat(place.get("latitude")).isEmpty();
        assertThat(place.get("longitude")).isEmpty();
    }

    @Test
    void aPinnedPlaceHasItsCoordinatesInTheCsvTheGeoJsonAndTheJsonAndAnUnpinnedOneHasNone() throws Exception {
        ApiClient api = new ApiClient(port);
        Scenarios scenarios = new Scenarios(api);
        Map<String, Object> body = Samples.application();
        Samples.firstPlace(body).put("latitude", 41.919229);
        Samples.firstPlace(body).put("longitude", 8.738635);
        Submitted pinned = qualify(scenarios, body);
        Submitted unpinned = qualify(scenarios, Samples.application());

        Reply csv = api.get("/api/places.csv?departement=2A").send();
        try (CsvReader reader =
                CsvReader.open(new ByteArrayInputStream(csv.body()), CsvSchema.allRequired(OpenDataCsv.COLUMNS))) {
            Map<String, CsvRecord> bySiret = reader.stream()
                    .collect(java.util.stream.Collectors.toMap(row -> row.get("pivot"), row -> row, (a, b) -> a));
            assertThat(bySiret.get(pinned.siret()).get("latitude")).isEqualTo("41.919229");
            assertThat(bySiret.get(pinned.siret()).get("longitude")).isEqualTo("8.738635");
            assertThat(bySiret.get(unpinned.siret()).get("latitude")).isEmpty();
            assertThat(bySiret.get(unpinned.siret()).get("longitude")).isEmpty();
        }

        JsonNode features =
                api.get("/api/places.geojson?departement=2A").send().json().path("features");
        assertThat(feature(features, pinned).path("geometry").toString())
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[8.738635,41.919229]}");
        assertThat(feature(features, unpinned).path("geometry").isNull()).isTrue();

        JsonNode places = api.get("/api/places?departement=2A").send().json();
        JsonNode place = find(places, pinned);
        assertThat(place.path("latitude").asDouble()).isEqualTo(41.919229);
        assertThat(place.path("longitude").asDouble()).isEqualTo(8.738635);
        assertThat(find(places, unpinned).path("latitude").isNull()).isTrue();
    }

    @Test
    void writesCoordinatesWithADecimalPointNoExponentAndNoFormulaQuote() {
        QualifiedPlace place = new QualifiedPlace(
                "id-0",
                "73282932000074",
                "Espace",
                "Lieu",
                "1 rue",
                "33000",
                "33063",
                "Bordeaux",
                "33",
                "OWN_PLACE",
                null,
                true,
                List.of(),
                null,
                java.time.LocalDate.of(2026, 12, 1),
                44.83778,
                -0.00005);
        String text = new String(OpenDataCsv.write(List.of(place)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains(",44.83778,-0.00005,").doesNotContain("E-", "'-0");
    }

    private static Submitted qualify(Scenarios scenarios, Map<String, Object> body) {
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
        return submitted;
    }

    private static JsonNode feature(JsonNode features, Submitted submitted) {
        for (JsonNode feature : features) {
            if (submitted
                    .siret()
                    .equals(feature.path("properties").path("siret").asText())) {
                return feature;
            }
        }
        throw new AssertionError("no feature for " + submitted.siret());
    }

    private static JsonNode find(JsonNode places, Submitted submitted) {
        for (JsonNode place : places) {
            if (submitted.siret().equals(place.path("siret").asText())) {
                return place;
            }
        }
        throw new AssertionError("no place for " + submitted.siret());
    }
}
