package fr.aptic.qualification.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores applications, their places and their timeline in our own tables ({@code app_}). */
@Repository
public class ApplicationRepository {

    private static final String COLUMNS = "id, siret, path, status, outcome, organisation_name, contact_email,"
            + " departement, review_group, campaign_id, network_id, batch_id, eligible, score, reasons,"
            + " submitted_at, updated_at";

    private static final String INSERT_APPLICATION =
            "insert into app_application (id, siret, active_siret, path, status, tracking_token_hash,"
                    + " organisation_name, contact_email, departement, campaign_id, network_id, batch_id, body,"
                    + " submitted_at, updated_at) values (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // Explicit SQL types: with a null value and no type, the driver would be asked for the parameter's type,
    // a round trip per value on PostgreSQL.
    private static final int[] APPLICATION_TYPES = {
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP
    };
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TimelineStore timelineStore;
    private final PlaceStore placeStore;

    public ApplicationRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.timelineStore = new TimelineStore(jdbc, batch);
        this.placeStore = new PlaceStore(jdbc, batch);
    }

    /** A new application as it is inserted; the unique index on the active SIRET refuses a second one. */
    public record NewApplication(
            String id,
            String siret,
            QualificationPath path,
            String tokenHash,
            String organisationName,
            String contactEmail,
            String departement,
            String campaignId,
            String networkId,
            String batchId,
            String body,
            Instant at) {}

    public void insert(NewApplication application) {
        jdbc.sql("insert into app_application (id, siret, active_siret, path, status, tracking_token_hash,"
                        + " organisation_name, contact_email, departement, campaign_id, network_id, batch_id, body,"
                        + " submitted_at, updated_at) values (:id, :siret, :siret, :path, 'SUBMITTED', :token, :name,"
                        + " :email, :departement, :campaign, :network, :batch, :body, :at, :at)")
                .param("id", application.id())
                .param("siret", application.siret())
                .param("path", application.path().name())
                .param("token", application.tokenHash())
                .param("name", application.organisationName())
                .param("email", application.contactEmail())
                .param("departement", application.departement())
                .param("campaign", application.campaignId())
                .param("network", application.networkId())
                .param("batch", application.batchId())
                .param("body", application.body())
                .param("at", Timestamp.from(application.at()))
                .update();
    }

    /** Inserts the places; those without the applicant's pin wait for the geocoder ({@link PlaceStore}). */
    public void insertPlaces(String applicationId, List<ApplicationRequest.Place> places, List<String> departements) {
        placeStore.insert(applicationId, places, departements, Instant.now());
    }

    /** A new application with its places, for bulk inserts: departements match the places one to one. */
    public record NewApplicationWithPlaces(
            NewApplication application, List<ApplicationRequest.Place> places, List<String> departements) {}

    /**
     * Inserts many applications, their places and their first timeline event with JDBC batches: a network
     * batch of thousands of members costs a few round trips instead of several per member. The caller has
     * checked that no SIRET is taken; a taken one fails the whole insert (unique index). The event names its
     * actor (the partner's user who posted the batch).
     */
    public void insertAll(List<NewApplicationWithPlaces> applications, String event, String detail, String actor) {
        List<Object[]> rows = new ArrayList<>(applications.size());
        List<Object[]> places = new ArrayList<>(applications.size());
        List<Object[]> events = new ArrayList<>(applications.size());
        for (NewApplicationWithPlaces item : applications) {
            NewApplication a = item.application();
            Timestamp at = Timestamp.from(a.at());
            rows.add(new Object[] {
                a.id(),
                a.siret(),
                a.siret(),
                a.path().name(),
                a.tokenHash(),
                a.organisationName(),
                a.contactEmail(),
                a.departement(),
                a.campaignId(),
                a.networkId(),
                a.batchId(),
                a.body(),
                at,
                at
            });
            for (int i = 0; i < item.places().size(); i++) {
                places.add(PlaceStore.row(
                        a.id(), i, item.places().get(i), item.departements().get(i), a.at()));
            }
            events.add(TimelineStore.row(a.id(), at, event, detail, actor));
        }
        batch.batchUpdate(INSERT_APPLICATION, rows, APPLICATION_TYPES);
        placeStore.insertAll(places);
        timelineStore.writeAll(events);
    }

    /** The SIRETs among these that an open application or a current qualification holds. */
    public Set<String> activeSirets(Collection<String> sirets) {
        if (sirets.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select active_siret from app_application where active_siret in (:sirets)")
                .param("sirets", sirets)
                .query(String.class)
                .list());
    }

    public void deletePlaces(String applicationId) {
        placeStore.delete(applicationId);
    }

    public Optional<Application> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from app_application where id = ?")
                .param(id)
                .query(ApplicationRepository::map)
                .optional();
    }

    public Optional<String> tokenHash(String id) {
        return jdbc.sql("select tracking_token_hash from app_application where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** An application's stored body with the network that submitted it (null outside the network path). */
    public record StoredBody(String body, String networkId) {}

    public Optional<StoredBody> bodyAndNetwork(String id) {
        return jdbc.sql("select body, network_id from app_application where id = ?")
                .param(id)
                .query((rs, row) -> new StoredBody(rs.getString("body"), rs.getString("network_id")))
                .optional();
    }

    public Optional<String> body(String id) {
        return jdbc.sql("select body from app_application where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public void updateBody(String id, String body, String organisationName, String contactEmail, String departement) {
        jdbc.sql("update app_application set body = ?, organisation_name = ?, contact_email = ?, departement = ?,"
                        + " updated_at = ? where id = ?")
                .params(body, organisationName, contactEmail, departement, now(), id)
                .update();
    }

    /**
     * Moves the application to a status; a status that no longer holds the SIRET releases it for a new
     * application. Answers whether the application was in one of the expected statuses (optimistic guard).
     */
    public boolean updateStatus(String id, ApplicationStatus status, String outcome) {
        return jdbc.sql("update app_application set status = :status, outcome = :outcome, updated_at = :at,"
                                + " active_siret = case when :holds then siret else null end where id = :id")
                        .param("status", status.name())
                        .param("outcome", outcome)
                        .param("at", now())
                        .param("holds", status.holdsSiret())
                        .param("id", id)
                        .update()
                == 1;
    }

    public void recordAssessment(
            String id, boolean eligible, int score, List<String> reasons, String departement, String reviewGroup) {
        jdbc.sql("update app_application set eligible = ?, score = ?, reasons = ?,"
                        + " departement = coalesce(?, departement), review_group = ?, updated_at = ? where id = ?")
                .params(eligible, score, String.join("|", reasons), departement, reviewGroup, now(), id)
                .update();
    }

    public void recordContract(String id, String termsVersion, String subscriptionPaidBy, LocalDate qualifiedUntil) {
        jdbc.sql("update app_application set terms_version = ?, subscription_paid_by = ?, qualified_until = ?,"
                        + " updated_at = ? where id = ?")
                .params(termsVersion, subscriptionPaidBy, qualifiedUntil, now(), id)
                .update();
    }

    public void publishPlaces(String id, boolean published) {
        placeStore.publish(id, published);
    }

    /**
     * Adds an event to an application's timeline. Inside a transaction the events wait for its commit and go in
     * one batch (a chunk of a network's members adds two hundred), read back by {@link #timeline} before then.
     */
    public void addEvent(String id, String event, String detail, String actor) {
        timelineStore.add(id, event, detail, actor);
    }

    public List<TimelineEvent> timeline(String id) {
        return timelineStore.read(id);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    static Application map(ResultSet rs, int row) throws SQLException {
        String reasons = rs.getString("reasons");
        Object eligible = rs.getObject("eligible");
        Object score = rs.getObject("score");
        return new Application(
                rs.getString("id"),
                rs.getString("siret"),
                QualificationPath.valueOf(rs.getString("path")),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("outcome"),
                rs.getString("organisation_name"),
                rs.getString("contact_email"),
                rs.getString("departement"),
                rs.getString("review_group"),
                rs.getString("campaign_id"),
                rs.getString("network_id"),
                rs.getString("batch_id"),
                eligible == null ? null : rs.getBoolean("eligible"),
                score == null ? null : rs.getInt("score"),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\\|")),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
