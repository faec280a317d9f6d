package fr.aptic.qualification.application;

import fr.aptic.qualification.engine.TransactionScoped;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An application's timeline ({@code app_timeline}): inside a transaction the events wait for its commit and go in
 * one batch (a chunk of a network's members adds two hundred), read back by {@link #read} before then; they are
 * lost with the transaction when it rolls back, as a row would be.
 */
final class TimelineStore {

    private static final String INSERT_EVENT =
            "insert into app_timeline (application_id, at, event, detail, actor) values (?, ?, ?, ?, ?)";
    // Explicit SQL types: with a null value and no type, the driver would ask for the parameter's type.
    private static final int[] EVENT_TYPES = {
        Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    // the timeline events added in the current transaction and not yet written
    private final TransactionScoped<List<Object[]>> pendingEvents =
            TransactionScoped.of(ArrayList::new, this::writeEvents);

    TimelineStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The row of an event, its detail cut to the column's 2000 characters. */
    static Object[] row(String applicationId, Timestamp at, String event, String detail, String actor) {
        String cut = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
        return new Object[] {applicationId, at, event, cut, actor};
    }

    void add(String id, String event, String detail, String actor) {
        Object[] row = row(id, Timestamp.from(Instant.now()), event, detail, actor);
        List<Object[]> pending = pendingEvents.get();
        if (pending == null) {
            batch.update(INSERT_EVENT, row, EVENT_TYPES);
        } else {
            pending.add(row);
        }
    }

    /** Writes these events now, in one batch. */
    void writeAll(List<Object[]> events) {
        batch.batchUpdate(INSERT_EVENT, events, EVENT_TYPES);
    }

    List<TimelineEvent> read(String id) {
        writeEvents(pendingEvents.peek());
        return jdbc.sql("select at, event, detail, actor from app_timeline where application_id = ? order by id")
                .param(id)
                .query((rs, n) -> new TimelineEvent(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("event"),
                        rs.getString("detail"),
                        rs.getString("actor")))
                .list();
    }

    private void writeEvents(List<Object[]> pending) {
        if (pending != null && !pending.isEmpty()) {
            batch.batchUpdate(INSERT_EVENT, List.copyOf(pending), EVENT_TYPES);
            pending.clear();
        }
    }
}
