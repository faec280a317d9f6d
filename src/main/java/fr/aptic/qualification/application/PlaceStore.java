package fr.aptic.qualification.application;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An application's places in {@code app_place}, as submitted: a pinned place keeps the applicant's coordinates
 * (source {@code PIN}); any other waits for the geocoder, due at once ({@code geocode_next_at}), which runs in the
 * background (geocoding/), so storing a place, one or a network's thousands, costs no more than its columns.
 */
final class PlaceStore {

    private static final String INSERT =
            "insert into app_place (application_id, position, name, address, postal_code, insee_code,"
                    + " commune, departement, kind, convention_reference, opening_hours, regulated_price,"
                    + " services_per_year, services, latitude, longitude, coordinates_source, geocode_next_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    // Explicit SQL types: with a null value and no type, the driver would be asked for the parameter's type,
    // a round trip per value on PostgreSQL.
    private static final int[] TYPES = {
        Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.INTEGER, Types.VARCHAR,
        Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.TIMESTAMP
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PlaceStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(String applicationId, List<ApplicationRequest.Place> places, List<String> departements, Instant at) {
        for (int i = 0; i < places.size(); i++) {
            jdbc.sql(INSERT)
                    .params(row(applicationId, i, places.get(i), departements.get(i), at))
                    .update();
        }
    }

    /** Inserts rows made by {@link #row} with one JDBC batch. */
    void insertAll(List<Object[]> rows) {
        batch.batchUpdate(INSERT, rows, TYPES);
    }

    static Object[] row(
            String applicationId, int position, ApplicationRequest.Place place, String departement, Instant at) {
        boolean pinned = place.pinned();
        return new Object[] {
            applicationId,
            position,
            place.name(),
            place.address(),
            place.postalCode(),
            place.inseeCode(),
            place.commune(),
            departement,
            place.kind(),
            place.conventionReference(),
            place.openingHours(),
            place.regulatedPrice(),
            place.servicesPerYear(),
            String.join("|", place.services()),
            pinned ? place.latitude() : null,
            pinned ? place.longitude() : null,
            pinned ? "PIN" : null,
            pinned ? null : Timestamp.from(at)
        };
    }

    void delete(String applicationId) {
        jdbc.sql("delete from app_place where application_id = ?")
                .param(applicationId)
                .update();
    }

    void publish(String applicationId, boolean published) {
        jdbc.sql("update app_place set published = ? where application_id = ?")
                .params(published, applicationId)
                .update();
    }
}
