package fr.aptic.qualification.geocoding;

import fr.aptic.qualification.reference.Coordinates;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordinates of places ({@code app_place}) and the geocoder's queue beside them. A place waits while its
 * {@code geocode_next_at} is set; a run claims it by moving that time to the end of its lease, a value no other run
 * can have written, so every later write of the run names it and changes nothing if the place was claimed again,
 * located otherwise, or replaced (an applicant's complements store the places anew).
 */
@Repository
public class PlaceLocations {

    private final JdbcClient jdbc;

    PlaceLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives a place the coordinates of the directory entry it comes from (source {@code DIRECTORY}), unless the
     * applicant pinned it; it then no longer waits for the geocoder.
     */
    public void locateFromDirectory(String applicationId, int position, Coordinates coordinates) {
        jdbc.sql("update app_place set latitude = ?, longitude = ?, coordinates_source = 'DIRECTORY',"
                        + " geocode_next_at = null, geocode_outcome = null"
                        + " where application_id = ? and position = ? and latitude is null")
                .params(coordinates.latitude(), coordinates.longitude(), applicationId, position)
                .update();
    }

    /** A place waiting for the geocoder: where it is said to be, and its failed calls so far. */
    record Waiting(
            String applicationId, int position, String address, String postalCode, String inseeCode, int attempts) {}

    /**
     * Stops waiting for the places of applications that will never be on the map (rejected, withdrawn,
     * ineligible, expired, lapsed, revoked: those whose SIRET is free again), so the queue holds only what is due.
     */
    int dropEnded(Instant now) {
        return jdbc.sql("update app_place set geocode_next_at = null, geocode_outcome = 'ENDED'"
                        + " where geocode_next_at <= ? and application_id in"
                        + " (select id from app_application where active_siret is null)")
                .param(Timestamp.from(now))
                .update();
    }

    /**
     * The places due, published ones (qualified producers, on the map already) first, then by due time; at most
     * {@code limit}. Not yet claimed.
     */
    List<Waiting> due(Instant now, int limit) {
        return jdbc.sql("select p.application_id, p.position, p.address, p.postal_code, p.insee_code,"
                        + " p.geocode_attempts from app_place p join app_application a on a.id = p.application_id"
                        + " where p.geocode_next_at <= ? and p.latitude is null and a.active_siret is not null"
                        + " order by case when p.published then 0 else 1 end, p.geocode_next_at, p.application_id,"
                        + " p.position limit ?")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Waiting(
                        rs.getString("application_id"),
                        rs.getInt("position"),
                        rs.getString("address"),
                        rs.getString("postal_code"),
                        rs.getString("insee_code"),
                        rs.getInt("geocode_attempts")))
                .list();
    }

    /** Claims a due place until {@code lease}: false when another run took it first or it is no longer due. */
    boolean claim(Waiting place, Instant now, Instant lease) {
        return jdbc.sql("update app_place set geocode_next_at = ? where application_id = ? and position = ?"
                                + " and geocode_next_at <= ? and latitude is null")
                        .params(Timestamp.from(lease), place.applicationId(), place.position(), Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The geocoder's coordinates, found under this claim (source {@code GEOCODER}). */
    void found(Waiting place, Instant lease, Coordinates coordinates, String outcome) {
        jdbc.sql("update app_place set latitude = ?, longitude = ?, coordinates_source = 'GEOCODER',"
                        + " geocode_attempts = geocode_attempts + 1, geocode_next_at = null, geocode_outcome = ?"
                        + " where application_id = ? and position = ? and geocode_next_at = ?")
                .params(
                        coordinates.latitude(),
                        coordinates.longitude(),
                        outcome(outcome),
                        place.applicationId(),
                        place.position(),
                        Timestamp.from(lease))
                .update();
    }

    /**
     * The next try of a claimed place: {@code next} null when there is none (the geocoder answered without a
     * usable match, or the place is given up), and the outcome recorded either way.
     */
    void tried(Waiting place, Instant lease, int attempts, Instant next, String outcome) {
        jdbc.sql("update app_place set geocode_attempts = ?, geocode_next_at = ?, geocode_outcome = ?"
                        + " where application_id = ? and position = ? and geocode_next_at = ?")
                .params(
                        attempts,
                        next == null ? null : Timestamp.from(next),
                        outcome(outcome),
                        place.applicationId(),
                        place.position(),
                        Timestamp.from(lease))
                .update();
    }

    private static String outcome(String outcome) {
        return outcome.length() <= 500 ? outcome : outcome.substring(0, 499) + "…";
    }
}
