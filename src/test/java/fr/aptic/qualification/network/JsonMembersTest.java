package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.web.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A network's JSON batch: each element an application body, the places' optional pin checked like the free path's. */
class JsonMembersTest {

    /** Read as strictly as the application reads JSON (application.yaml): no text where a number is expected. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private final ApplicationValidator validator = new ApplicationValidator();

    @Test
    void readsThePinOfEachPlaceAndNamesTheElementAndFieldOfABadOne() throws IOException {
        Map<String, Object> pinned = Samples.application();
        Samples.firstPlace(pinned).put("latitude", 41.9192);
        Samples.firstPlace(pinned).put("longitude", 8.7386);
        Map<String, Object> halfPinned = Samples.application();
        Samples.firstPlace(halfPinned).put("latitude", 41.9192);
        Map<String, Object> atSea = Samples.application();
        Samples.firstPlace(atSea).put("latitude", 30.0);
        Samples.firstPlace(atSea).put("longitude", -30.0);
        Map<String, Object> text = Samples.application();
        Samples.firstPlace(text).put("latitude", "41,9192");
        Samples.firstPlace(text).put("longitude", 8.7386);

        List<MemberRow> rows = read(ApiClient.json(List.of(pinned, halfPinned, atSea, text)));

        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(0).request().places().get(0).latitude()).isEqualTo(41.9192);
        assertThat(rows.get(0).request().places().get(0).longitude()).isEqualTo(8.7386);
        assertThat(rows.get(1).errors())
                .extracting(FieldError::field, FieldError::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("[1].places[0].longitude", 2));
        assertThat(rows.get(2).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("[2].places[0].latitude"))
                .satisfies(e -> assertThat(e.message()).contains("n'est pas en France"));
        assertThat(rows.get(3).errors()).extracting(FieldError::field).containsExactly("[3].places[0].latitude");
    }

    private List<MemberRow> read(String body) throws IOException {
        List<MemberRow> rows = new ArrayList<>();
        try (JsonMembers members =
                JsonMembers.open(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), json, validator)) {
            for (MemberRow row = members.next(); row != null; row = members.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
