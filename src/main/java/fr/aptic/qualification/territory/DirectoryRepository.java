package fr.aptic.qualification.territory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the directory of known places, upserted by the standard's {@code id}, with their {@code closed} flag. */
@Repository
class DirectoryRepository {

    static final String COLUMNS = "id, siret, name, address, address_extra, postal_code, insee_code, commune,"
            + " departement, phone, emails, website, services, source, updated_on, latitude, longitude";

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the place is known, and if so whether it is flagged closed and since when. */
    record Known(boolean closed, Instant closedAt) {}

    Optional<Known> known(String id) {
        return jdbc.sql("select closed, closed_at from app_directory_place where id = ?")
                .param(id)
                .query((rs, n) -> new Known(
                        rs.getBoolean("closed"),
                        rs.getTimestamp("closed_at") == null
                                ? null
                                : rs.getTimestamp("closed_at").toInstant()))
                .optional();
    }

    void insert(DirectoryPlace place, Instant at) {
        jdbc.sql("insert into app_directory_place (" + COLUMNS + ", closed, imported_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)")
                .params(with(List.of(place.id()), fields(place), List.of(Timestamp.from(at))))
                .update();
    }

    /** Updates a known place; {@code closed} says whether it stays flagged closed. */
    void update(DirectoryPlace place, boolean closed, Instant at) {
        jdbc.sql("update app_directory_place set siret = ?, name = ?, address = ?, address_extra = ?, postal_code = ?,"
                        + " insee_code = ?, commune = ?, departement = ?, phone = ?, emails = ?, website = ?,"
                        + " services = ?, source = ?, updated_on = ?, latitude = ?, longitude = ?, closed = ?,"
                        + " closed_at = case when ? then closed_at else null end, imported_at = ? where id = ?")
                .params(with(fields(place), List.of(closed, closed, Timestamp.from(at), place.id())))
                .update();
    }

    /** A place's columns from {@code siret} to {@code longitude}, in the order both statements name them. */
    private static List<Object> fields(DirectoryPlace place) {
        return Arrays.asList(
                place.siret(),
                place.name(),
                place.address(),
                place.addressExtra(),
                place.postalCode(),
                place.inseeCode(),
                place.commune(),
                place.departement(),
                place.phone(),
                place.emails(),
                place.website(),
                place.services(),
                place.source(),
                Date.valueOf(place.updatedOn()),
                place.latitude(),
                place.longitude());
    }

    @SafeVarargs
    private static List<Object> with(List<Object>... parts) {
        List<Object> all = new ArrayList<>();
        for (List<Object> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    Optional<DirectoryPlace> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from app_directory_place where id = ?")
                .param(id)
                .query(DirectoryRepository::map)
                .optional();
    }

    void markClosed(String id) {
        jdbc.sql("update app_directory_place set closed = true, closed_at = ? where id = ?")
                .params(Timestamp.from(Instant.now()), id)
                .update();
    }

    /**
     * The next place to contact in a territory: open, its SIRET holding no open application or qualification,
     * not already a candidate of this campaign nor contacted by any campaign since {@code contactedSince}. The
     * most recently updated entry first (the likeliest to be alive), then by id so the order is stable.
     */
    Optional<DirectoryPlace> nextCandidate(String departement, String campaignId, Instant contactedSince) {
        return jdbc.sql("select " + COLUMNS + " from app_directory_place d where d.departement = ? and d.closed = false"
                        + " and not exists (select 1 from app_application a where a.active_siret = d.siret)"
                        + " and not exists (select 1 from app_campaign_candidate c where c.siret = d.siret"
                        + " and (c.campaign_id = ? or c.selected_at >= ?))"
                        + " order by d.updated_on desc, d.id limit 1")
                .params(departement, campaignId, Timestamp.from(contactedSince))
                .query(DirectoryRepository::map)
                .optional();
    }

    static DirectoryPlace map(ResultSet rs, int row) throws SQLException {
        LocalDate updatedOn = rs.getDate("updated_on").toLocalDate();
        return new DirectoryPlace(
                rs.getString("id"),
                rs.getString("siret"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getString("address_extra"),
                rs.getString("postal_code"),
                rs.getString("insee_code"),
                rs.getString("commune"),
                rs.getString("departement"),
                rs.getString("phone"),
                rs.getString("emails"),
                rs.getString("website"),
                rs.getString("services"),
                rs.getString("source"),
                updatedOn,
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class));
    }
}
