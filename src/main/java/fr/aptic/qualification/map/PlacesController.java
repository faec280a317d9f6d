package fr.aptic.qualification.map;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public map: qualified places only, filtered by département, service or network. */
@RestController
@RequestMapping("/api")
class PlacesController {

    private final PublishedPlaces places;

    PlacesController(PublishedPlaces places) {
        this.places = places;
    }

    @GetMapping("/places")
    List<QualifiedPlace> places(
            @RequestParam(required = false) String departement,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String networkId) {
        return find(departement, service, networkId);
    }

    /** The national open-data standard's CSV (UTF-8, CRLF), ready for data.gouv.fr and the hubs' spreadsheets. */
    @GetMapping(path = "/places.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String departement,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String networkId) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lieux-aptic.csv\"")
                .body(OpenDataCsv.write(find(departement, service, networkId)));
    }

    @GetMapping(path = "/places.geojson", produces = "application/geo+json")
    Map<String, Object> geojson(
            @RequestParam(required = false) String departement,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String networkId) {
        List<Map<String, Object>> features = find(departement, service, networkId).stream()
                .map(place -> {
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put("id", place.id());
                    // GeoJSON's order is [longitude, latitude]; a place not located yet has a null geometry.
                    feature.put("geometry", place.located() ? point(place) : null);
                    feature.put("properties", place);
                    return feature;
                })
                .toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static Map<String, Object> point(QualifiedPlace place) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("type", "Point");
        point.put("coordinates", List.of(place.longitude(), place.latitude()));
        return point;
    }

    private List<QualifiedPlace> find(String departement, String service, String networkId) {
        return places.find(departement, service, networkId);
    }
}
