package fr.aptic.qualification.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the database says an application's first place is: its coordinates, their source and the geocoder's queue. */
public final class StoredPlaces {

    private StoredPlaces() {}

    /**
     * {@code latitude}, {@code longitude} (Double), {@code coordinates_source}, {@code geocode_attempts} (int),
     * {@code geocode_next_at} (Timestamp) and {@code geocode_outcome} of the application's first place.
     */
    public static Map<String, Object> first(JdbcClient jdbc, String applicationId) {
        return jdbc.sql("select latitude, longitude, coordinates_source, geocode_attempts, geocode_next_at,"
                        + " geocode_outcome from app_place where application_id = ? and position = 0")
                .param(applicationId)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("latitude", rs.getObject("latitude", Double.class));
                    row.put("longitude", rs.getObject("longitude", Double.class));
                    row.put("coordinates_source", rs.getString("coordinates_source"));
                    row.put("geocode_attempts", rs.getInt("geocode_attempts"));
                    row.put("geocode_next_at", rs.getTimestamp("geocode_next_at"));
                    row.put("geocode_outcome", rs.getString("geocode_outcome"));
                    return row;
                })
                .single();
    }
}
