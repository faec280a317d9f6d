package fr.aptic.qualification.geocoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asks the national address geocoder (Base Adresse Nationale, {@code GET /search/?q=&postcode=&citycode=&limit=1})
 * for one place, with connect and read timeouts. Its answer is a GeoJSON FeatureCollection whose first feature
 * holds {@code [longitude, latitude]}, a {@code score} from 0 to 1, the {@code citycode} (INSEE) and a
 * {@code label}. What a later try may mend (no connection, a timeout, {@code 429}, {@code 5xx}, a broken body) is
 * thrown as {@link Unavailable}; the rest is an answer.
 */
final class BanGeocoder {

    /** The longest query the geocoder takes. */
    static final int MAX_QUERY = 200;

    private final HttpClient http;
    private final ObjectMapper json;
    private final GeocodingSettings settings;

    BanGeocoder(GeocodingSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The geocoder's best match for the address in its commune, if any. */
    record Match(double latitude, double longitude, double score, String citycode, String label) {}

    /** What the geocoder said of a place: its best match, or a refusal ({@code 4xx}) that a retry would not mend. */
    record Answer(Optional<Match> match, String refusal) {}

    /** The call failed in a way a later try may mend. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    Answer search(String address, String postalCode, String inseeCode) throws Unavailable, InterruptedException {
        String query = address.length() <= MAX_QUERY ? address : address.substring(0, MAX_QUERY);
        URI uri = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/search/?q=" + encode(query)
                + "&postcode=" + encode(postalCode) + "&citycode=" + encode(inseeCode) + "&limit=1");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "aptic-qualification")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new Unavailable("HTTP " + status);
        }
        if (status != 200) {
            return new Answer(Optional.empty(), "HTTP " + status);
        }
        return new Answer(match(response.body()), null);
    }

    private Optional<Match> match(byte[] body) throws Unavailable {
        JsonNode features;
        try {
            features = json.readTree(body).path("features");
        } catch (IOException e) {
            throw new Unavailable("réponse illisible");
        }
        if (!features.isArray()) {
            throw new Unavailable("réponse sans features");
        }
        if (features.isEmpty()) {
            return Optional.empty();
        }
        JsonNode feature = features.get(0);
        JsonNode coordinates = feature.path("geometry").path("coordinates");
        JsonNode properties = feature.path("properties");
        if (!coordinates.path(0).isNumber() || !coordinates.path(1).isNumber()) {
            throw new Unavailable("réponse sans coordonnées");
        }
        return Optional.of(new Match(
                coordinates.get(1).asDouble(),
                coordinates.get(0).asDouble(),
                properties.path("score").asDouble(0),
                properties.path("citycode").asText(""),
                properties.path("label").asText("")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
