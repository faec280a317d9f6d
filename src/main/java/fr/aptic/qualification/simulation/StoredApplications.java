package fr.aptic.qualification.simulation;

import fr.aptic.qualification.eligibility.AssessmentService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams every stored application, read-only, for a simulation: rows are fetched in pages rather than
 * loaded at once, so a hundred thousand bodies never sit in memory together.
 */
@Repository
class StoredApplications {

    /** Rows per round trip: large enough that fetching is not the bottleneck, small enough to stay lean. */
    static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    StoredApplications(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        // PostgreSQL only streams with a cursor inside a transaction; read-only lets the database refuse any
        // write, which is the promise a simulation makes.
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Which applications to read: submitted between two days (inclusive) and in one département, when given. */
    record Scope(LocalDate submittedFrom, LocalDate submittedTo, String departement) {
        static final Scope ALL = new Scope(null, null, null);
    }

    /** Hands every stored application in scope to {@code sink}, in no particular order. */
    void forEach(Scope scope, Consumer<StoredApplication> sink) {
        StringBuilder sql = new StringBuilder("select id, departement, submitted_at, eligible, score, reasons, body"
                + " from app_application where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (scope.submittedFrom() != null) {
            sql.append(" and submitted_at >= ?");
            args.add(startOf(scope.submittedFrom()));
        }
        if (scope.submittedTo() != null) {
            sql.append(" and submitted_at < ?");
            args.add(startOf(scope.submittedTo().plusDays(1)));
        }
        if (scope.departement() != null) {
            sql.append(" and departement = ?");
            args.add(scope.departement());
        }
        RowCallbackHandler each = rs -> sink.accept(map(rs));
        readOnly.executeWithoutResult(status -> jdbc.query(sql.toString(), each, args.toArray()));
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(AssessmentService.PARIS).toInstant());
    }

    private static StoredApplication map(ResultSet rs) throws SQLException {
        boolean assessed = rs.getObject("eligible") != null;
        int score = rs.getInt("score");
        Integer storedScore = rs.wasNull() ? null : score;
        return new StoredApplication(
                rs.getString("id"),
                rs.getString("departement"),
                rs.getTimestamp("submitted_at")
                        .toInstant()
                        .atZone(AssessmentService.PARIS)
                        .toLocalDate(),
                assessed ? rs.getBoolean("eligible") : null,
                storedScore,
                rs.getString("reasons"),
                rs.getString("body"));
    }
}
