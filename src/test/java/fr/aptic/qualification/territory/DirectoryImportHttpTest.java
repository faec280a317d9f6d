package fr.aptic.qualification.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import fr.aptic.qualification.support.Samples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
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
 * {@code POST /api/directory} with files as real exports of the national standard come: accents, quoted
 * addresses with commas, a value over two lines, empty optional columns, a column the standard does not have,
 * Windows-1252 with {@code ;}; bad rows reported by number and column while the good ones are upserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectoryImportHttpTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsGoodRowsAndReportsEachBadRowByNumberAndColumn() {
        String p = "dir-" + Samples.siret() + "-";
        String good = Samples.siret();
        String other = Samples.siret();
        String csv = "id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,telephone,courriels,"
                + "presentation_resume,date_maj,services,frais_a_charge,colonne_maison\r\n"
                // 2: a good row, quoted address with a comma, accents, an empty optional column
                + p + "1," + good + ",Médiathèque Étienne-Dolet,Lyon,69007,69387,\"12, rue Saint-Jérôme\",,"
                + "04 78 00 00 00,,Accès libre et ateliers,2024-03-01,"
                + "Aide aux démarches administratives|Loisirs et créations numériques,Gratuit,x\r\n"
                // 3: no name
                + p + "3," + Samples.siret() + ",,Lyon,69003,69383,1 cours Gambetta,,,,,2024-03-01,,,\r\n"
                // 4: a SIRET whose checksum fails
                + p
                + "4,73282932000075,Espace Croix-Luizet,Villeurbanne,69100,69266,2 rue Octavie,,,,,2024-03-01,,,\r\n"
                // 5: a French date instead of ISO
                + p + "5," + Samples.siret()
                + ",Cyber-base,Bron,69500,69029,3 avenue Camille-Rousset,,,,,01/03/2024,,,\r\n"
                // 6: a four-digit postal code
                + p + "6," + Samples.siret() + ",Point numérique,Lyon,6900,,4 quai Saint-Antoine,,,,,2024-03-01,,,\r\n"
                // 7: the id of row 2 again
                + p + "1," + Samples.siret() + ",Doublon,Lyon,69007,69387,5 rue Béchevelin,,,,,2024-03-01,,,\r\n"
                // 8: a row with missing fields
                + p + "8," + Samples.siret() + ",Ligne coupée,Lyon\r\n"
                // 9: a good row with a presentation over two lines and empty optional columns
                + p + "9," + other
                + ",Tiers-lieu « La Fabrique »,Saint-Étienne,42000,42218,\"6, place Jean-Jaurès\",Bâtiment B,,"
                + "\"accueil@fabrique.example.org|direction@fabrique.example.org\",\"Ateliers numériques\nsur rendez-vous\","
                + "2025-01-15,,,\r\n"
                // 10: Monaco is not a French département
                + p + "10," + Samples.siret()
                + ",Espace Monaco,Monaco,98000,,7 avenue de la Costa,,,,,2024-03-01,,,\r\n"
                // 11: the standard's placeholder for an unknown SIRET
                + p + "11,00000000000000,Sans SIRET,Lyon,69008,69388,8 rue Jean-Sarrazin,,,,,2024-03-01,,,\r\n";

        ResponseEntity<Map<String, Object>> response = post(csv.getBytes(StandardCharsets.UTF_8), "national");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .containsEntry("received", 10)
                .containsEntry("accepted", 2)
                .containsEntry("inserted", 2)
                .containsEntry("updated", 0)
                .containsEntry("rejected", 8);
        assertThat(errors(response))
                .extracting(e -> e.get("row"), e -> e.get("field"))
                .containsExactly(
                        tuple(3, "nom"),
                        tuple(4, "pivot"),
                        tuple(5, "date_maj"),
                        tuple(6, "code_postal"),
                        tuple(7, "id"),
                        tuple(8, ""),
                        tuple(10, "code_postal"),
                        tuple(11, "pivot"));
        assertThat(place(p + "1"))
                .containsEntry("name", "Médiathèque Étienne-Dolet")
                .containsEntry("address", "12, rue Saint-Jérôme")
                .containsEntry("departement", "69")
                .containsEntry("emails", null);
        assertThat(place(p + "9"))
                .containsEntry("name", "Tiers-lieu « La Fabrique »")
                .containsEntry("departement", "42")
                .containsEntry("emails", "accueil@fabrique.example.org|direction@fabrique.example.org");
        assertThat(count(p + "%")).isEqualTo(2);
    }

    @Test
    void checksEachPostalCodeAgainstItsCommuneAndFillsAMissingInseeCode() {
        String p = "commune-" + Samples.siret() + "-";
        String csv = "id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj\r\n"
                // 2: no INSEE code: found from the postal code and the name
                + p + "1," + Samples.siret() + ",Médiathèque,ST-ETIENNE,42000,,1 rue Gambetta,2024-03-01\r\n"
                // 3: a postal code of another commune than the INSEE code's
                + p + "2," + Samples.siret() + ",Espace Lyon 1er,Lyon,69002,69381,2 rue d'Algérie,2024-03-01\r\n"
                // 4: a commune the postal code does not serve
                + p + "3," + Samples.siret() + ",Cyber-base,Marseille,01400,,3 rue du Four,2024-03-01\r\n";
        ResponseEntity<Map<String, Object>> response = post(csv.getBytes(StandardCharsets.UTF_8), "national");
        assertThat(response.getBody()).containsEntry("accepted", 1).containsEntry("rejected", 2);
        assertThat(errors(response))
                .extracting(e -> e.get("row"), e -> e.get("field"))
                .containsExactly(tuple(3, "code_postal"), tuple(4, "commune"));
        assertThat(errors(response).get(0).get("message").toString()).contains("69002", "69381");
        assertThat(errors(response).get(1).get("message").toString()).contains("« Marseille »", "01400");
        assertThat(jdbc.sql("select insee_code from app_directory_place where id = ?")
                        .param(p + "1")
                        .query(String.class)
                        .single())
                .isEqualTo("42218");
    }

    @Test
    void readsTheStandardsCoordinatesWithAPointOrACommaAndChecksThemLikeAPin() {
        String p = "coords-" + Samples.siret() + "-";
        String csv = "id;pivot;nom;commune;code_postal;code_insee;adresse;latitude;longitude;date_maj\r\n"
                // 2: a decimal point; 3: French commas; 4: none at all
                + p + "1;" + Samples.siret() + ";Médiathèque;Lyon;69007;69387;1 rue A;45.7485;4.8467;2024-03-01\r\n"
                + p + "2;" + Samples.siret() + ";Cyber-base;Lyon;69007;69387;2 rue B;45,7501;4,8420;2024-03-01\r\n"
                + p + "3;" + Samples.siret() + ";Point numérique;Lyon;69007;69387;3 rue C;;;2024-03-01\r\n"
                // 5: not a number; 6: half a point; 7: swapped; 8: in the Atlantic
                + p + "4;" + Samples.siret() + ";Lieu;Lyon;69007;69387;4 rue D;N45°;4.84;2024-03-01\r\n"
                + p + "5;" + Samples.siret() + ";Lieu;Lyon;69007;69387;5 rue E;;4.84;2024-03-01\r\n"
                + p + "6;" + Samples.siret() + ";Lieu;Lyon;69007;69387;6 rue F;4.84;45.75;2024-03-01\r\n"
                + p + "7;" + Samples.siret() + ";Lieu;Lyon;69007;69387;7 rue G;45.75;-30;2024-03-01\r\n";

        ResponseEntity<Map<String, Object>> response = post(csv.getBytes(StandardCharsets.UTF_8), "national");

        assertThat(response.getBody()).containsEntry("accepted", 3).containsEntry("rejected", 4);
        assertThat(errors(response))
                .extracting(e -> e.get("row"), e -> e.get("field"))
                .containsExactly(
                        tuple(5, "latitude"), tuple(6, "latitude"), tuple(7, "latitude"), tuple(8, "latitude"));
        assertThat(errors(response).get(0).get("message").toString()).contains("nombre décimal attendu", "N45°");
        assertThat(errors(response).get(1).get("message").toString()).contains("obligatoire quand la longitude");
        assertThat(errors(response).get(2).get("message").toString()).contains("inversées");
        assertThat(errors(response).get(3).get("message").toString()).contains("n'est pas en France");
        assertThat(coordinates(p + "1")).containsExactly(45.7485, 4.8467);
        assertThat(coordinates(p + "2")).containsExactly(45.7501, 4.842);
        assertThat(coordinates(p + "3")).containsExactly(null, null);
    }

    private List<Double> coordinates(String id) {
        return jdbc.sql("select latitude, longitude from app_directory_place where id = ?")
                .param(id)
                .query((rs, n) -> java.util.Arrays.asList(
                        rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class)))
                .single();
    }

    @Test
    void readsWindows1252WithSemicolonsAndUpsertsById() {
        String id = "cp1252-" + Samples.siret();
        String siret = Samples.siret();
        String csv = "id;pivot;nom;commune;code_postal;adresse;date_maj\r\n" + id + ";" + siret
                + ";Espace numérique de Saint-Étienne;Saint-Étienne;42100;\"3; rue de l'Égalité\";2024-05-02\r\n";
        ResponseEntity<Map<String, Object>> first = post(csv.getBytes(Charset.forName("windows-1252")), "national");
        assertThat(first.getBody()).containsEntry("inserted", 1).containsEntry("rejected", 0);
        assertThat(place(id))
                .containsEntry("name", "Espace numérique de Saint-Étienne")
                .containsEntry("address", "3; rue de l'Égalité");

        String renamed = csv.replace("Espace numérique de Saint-Étienne", "Médiathèque Tarentaize");
        ResponseEntity<Map<String, Object>> second =
                post(renamed.getBytes(Charset.forName("windows-1252")), "national");
        assertThat(second.getBody())
                .containsEntry("inserted", 0)
                .containsEntry("updated", 1)
                .containsEntry("accepted", 1);
        assertThat(place(id)).containsEntry("name", "Médiathèque Tarentaize");
    }

    @Test
    void aPlaceFoundClosedStaysClosedUntilTheFileShowsItUpdatedSince() {
        String id = "closed-" + Samples.siret();
        String row = id + "," + Samples.siret() + ",Point Cyb,Clermont-Ferrand,63000,1 place de Jaude,";
        String header = "id,pivot,nom,commune,code_postal,adresse,date_maj\r\n";
        post((header + row + "2023-06-01\r\n").getBytes(StandardCharsets.UTF_8), "national");
        jdbc.sql("update app_directory_place set closed = true, closed_at = ? where id = ?")
                .params(Timestamp.from(Instant.parse("2024-01-10T10:00:00Z")), id)
                .update();

        post((header + row + "2023-12-01\r\n").getBytes(StandardCharsets.UTF_8), "national");
        assertThat(place(id)).containsEntry("closed", true);

        post((header + row + "2024-02-01\r\n").getBytes(StandardCharsets.UTF_8), "national");
        assertThat(place(id)).containsEntry("closed", false).containsEntry("closed_at", null);
    }

    @Test
    void headerWithoutARequiredColumnIsRefusedAndNothingIsStored() {
        String id = "nopivot-" + Samples.siret();
        String csv = "id,nom,commune,code_postal,adresse,date_maj\r\n" + id + ",Lieu,Lyon,69001,1 rue,2024-01-01\r\n";

        ResponseEntity<Map<String, Object>> response = post(csv.getBytes(StandardCharsets.UTF_8), "national");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response))
                .extracting(e -> e.get("row"), e -> e.get("field"))
                .containsExactly(tuple(1, "pivot"));
        assertThat(count(id)).isZero();
    }

    @Test
    void onlyTheNationalTeamImportsTheDirectory() {
        byte[] csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(post(csv, "reviewer-hinaura").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/api/directory", HttpMethod.POST, entity(csv, CSV), MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("national", "demo")
                        .exchange("/api/directory", HttpMethod.POST, entity("{}", MediaType.APPLICATION_JSON), MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    ResponseEntity<Map<String, Object>> post(byte[] csv, String user) {
        return http.withBasicAuth(user, "demo").exchange("/api/directory", HttpMethod.POST, entity(csv, CSV), MAP);
    }

    Map<String, Object> place(String id) {
        return jdbc.sql(
                        "select name, address, departement, emails, closed, closed_at from app_directory_place where id = ?")
                .param(id)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (String column : List.of("name", "address", "departement", "emails", "closed", "closed_at")) {
                        row.put(column, rs.getObject(column));
                    }
                    return row;
                })
                .single();
    }

    int count(String idPattern) {
        return jdbc.sql("select count(*) from app_directory_place where id like ?")
                .param(idPattern)
                .query(Integer.class)
                .single();
    }

    static HttpEntity<Object> entity(Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(body, headers);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }
}
