package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.StoredPlaces;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The applicant's pin on a place ({@code places[].latitude}, {@code places[].longitude}): kept as sent (source
 * {@code PIN}) when both are there and the point is in France; otherwise a {@code 400} naming the coordinate at
 * fault, in French, and nothing stored. A place without a pin waits for the geocoder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlacePinHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient.Reply submit(Map<String, Object> body) {
        return new ApiClient(port).post("/api/applications").json(body).send();
    }

    private static Map<String, Object> pinned(Object latitude, Object longitude) {
        Map<String, Object> body = Samples.application();
        Samples.firstPlace(body).put("latitude", latitude);
        Samples.firstPlace(body).put("longitude", longitude);
        return body;
    }

    @Test
    void aPinnedPlaceKeepsItsPinAndAnUnpinnedOneWaitsForTheGeocoder() {
        Map<String, Object> body = pinned(41.919229, 8.738635);
        assertThat(submit(body).status()).isEqualTo(201);
        Map<String, Object> place = place((String) body.get("siret"));
        assertThat(place)
                .containsEntry("latitude", 41.919229)
                .containsEntry("longitude", 8.738635)
                .containsEntry("coordinates_source", "PIN")
                .containsEntry("geocode_next_at", null);

        Map<String, Object> unpinned = Samples.application();
        assertThat(submit(unpinned).status()).isEqualTo(201);
        Map<String, Object> waiting = place((String) unpinned.get("siret"));
        assertThat(waiting)
                .containsEntry("latitude", null)
                .containsEntry("coordinates_source", null)
                .containsEntry("geocode_attempts", 0);
        assertThat(waiting.get("geocode_next_at")).isNotNull();
    }

    @Test
    void aPinInGuadeloupeOrInTahitiIsInFrance() {
        assertThat(submit(pinned(16.2411, -61.5331)).status()).isEqualTo(201);
        assertThat(submit(pinned(-17.5350, -149.5696)).status()).isEqualTo(201);
    }

    @Test
    void halfAPinIsRefusedNamingTheMissingCoordinate() {
        assertRefused(pinned(41.9192, null), "places[0].longitude", "obligatoire quand la latitude est donnée");
        assertRefused(pinned(null, 8.7386), "places[0].latitude", "obligatoire quand la longitude est donnée");
    }

    @Test
    void coordinatesOutOfTheGlobeOrOutOfFranceAreRefused() {
        assertRefused(pinned(91.0, 8.7386), "places[0].latitude", "doit être entre -90 et 90");
        assertRefused(pinned(41.9192, -181.0), "places[0].longitude", "doit être entre -180 et 180");
        assertRefused(pinned(40.4168, -3.7038), "places[0].latitude", "n'est pas en France");
        assertRefused(pinned(8.7386, 41.9192), "places[0].latitude", "semblent inversées");
    }

    @Test
    void aCoordinateWrittenAsTextOrTooLargeForADoubleIsRefused() {
        assertRefused(pinned("41,9192", 8.7386), "places[0].latitude", "");
        String body = ApiClient.json(pinned(41.9192, 8.7386)).replace("41.9192", "1e400");
        ApiClient.Reply reply = new ApiClient(port)
                .post("/api/applications")
                .raw("application/json", body)
                .send();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").path(0).path("field").asText()).isEqualTo("places[0].latitude");
    }

    private void assertRefused(Map<String, Object> body, String field, String message) {
        ApiClient.Reply reply = submit(body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        JsonNode errors = reply.json().path("errors");
        assertThat(errors).as("%s", reply).hasSize(1);
        assertThat(errors.path(0).path("field").asText()).isEqualTo(field);
        assertThat(errors.path(0).path("message").asText()).contains(message);
        assertThat(jdbc.sql("select count(*) from app_application where siret = ?")
                        .param((String) body.get("siret"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private Map<String, Object> place(String siret) {
        String applicationId = jdbc.sql("select id from app_application where siret = ?")
                .param(siret)
                .query(String.class)
                .single();
        return StoredPlaces.first(jdbc, applicationId);
    }
}
