package fr.aptic.qualification.territory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores pass injections and counts what the consolidation ratio reads: injected value and active places. */
@Repository
class TerritoryRepository {

    private final JdbcClient jdbc;

    TerritoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An injection as stored; its value is passes × face value, in cents. */
    record Injection(
            String id,
            String departement,
            String funder,
            int passes,
            int faceValueCents,
            LocalDate date,
            Instant createdAt,
            String createdBy) {

        long valueCents() {
            return (long) passes * faceValueCents;
        }
    }

    /** Passes and their value injected into a territory between two dates, both included. */
    record Injected(long passes, long valueCents) {}

    void insert(Injection injection) {
        jdbc.sql("insert into app_pass_injection (id, departement, funder, passes, face_value_cents, value_cents,"
                        + " injection_date, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        injection.id(),
                        injection.departement(),
                        injection.funder(),
                        injection.passes(),
                        injection.faceValueCents(),
                        injection.valueCents(),
                        Date.valueOf(injection.date()),
                        Timestamp.from(injection.createdAt()),
                        injection.createdBy())
                .update();
    }

    Injected injected(String departement, LocalDate from, LocalDate to) {
        return jdbc.sql("select coalesce(sum(passes), 0) as passes, coalesce(sum(value_cents), 0) as value_cents"
                        + " from app_pass_injection where departement = ? and injection_date between ? and ?")
                .params(departement, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Injected(rs.getLong("passes"), rs.getLong("value_cents")))
                .single();
    }

    /** {@link #injected} of every territory that had an injection between two dates, both included. */
    java.util.Map<String, Injected> injectedByDepartement(LocalDate from, LocalDate to) {
        java.util.Map<String, Injected> injected = new java.util.TreeMap<>();
        jdbc.sql("select departement, sum(passes) as passes, sum(value_cents) as value_cents"
                        + " from app_pass_injection where injection_date between ? and ? group by departement")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    injected.put(
                            rs.getString("departement"), new Injected(rs.getLong("passes"), rs.getLong("value_cents")));
                });
        return injected;
    }

    /** {@link #qualifiedPlaces} of every territory that has one. */
    java.util.Map<String, Integer> qualifiedPlacesByDepartement() {
        java.util.Map<String, Integer> places = new java.util.TreeMap<>();
        jdbc.sql(
                        "select p.departement, count(*) as n from app_place p join app_application a on a.id = p.application_id"
                                + " where p.published = true and a.status = 'QUALIFIED' and p.departement is not null"
                                + " group by p.departement")
                .query(rs -> {
                    places.put(rs.getString("departement"), rs.getInt("n"));
                });
        return places;
    }

    /** Active qualified places: the published places of qualified applications, counted where they stand. */
    int qualifiedPlaces(String departement) {
        return jdbc.sql("select count(*) from app_place p join app_application a on a.id = p.application_id"
                        + " where p.published = true and a.status = 'QUALIFIED' and p.departement = ?")
                .param(departement)
                .query(Integer.class)
                .single();
    }
}
