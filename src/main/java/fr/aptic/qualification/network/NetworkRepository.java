package fr.aptic.qualification.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores networks, their batches, the batches' row errors and the members' ranks ({@code app_network*}). */
@Repository
class NetworkRepository {

    private static final String NETWORK_COLUMNS =
            "id, name, agreement_reference, valid_from, valid_until, subscription_paid_by_network, member_count";
    private static final String BATCH_COLUMNS =
            "id, network_id, idempotency_key, format, received, accepted, rejected, first_rank, created_at, created_by";

    /** The members' columns (see {@link #member}), before the condition. */
    private static final String MEMBERS =
            "select m.source_row, m.member_rank, a.id, a.siret, a.organisation_name, a.status, a.reasons"
                    + " from app_network_member m join app_application a on a.id = m.application_id where ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /** Reads long lists (members, errors) in pages of rows instead of all at once (PostgreSQL needs a transaction). */
    private final JdbcTemplate streaming;

    NetworkRepository(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
    }

    /** A batch as stored, without its answer. */
    record Batch(
            String id,
            String networkId,
            String idempotencyKey,
            String format,
            int received,
            int accepted,
            int rejected,
            int firstRank,
            Instant createdAt,
            String createdBy) {}

    /** One row error of a batch; {@code position} orders them as found. */
    record RowError(int position, int row, String field, String message) {}

    /** One accepted member of a batch, as the members list shows it. */
    record Member(
            int row,
            int memberRank,
            String applicationId,
            String siret,
            String organisationName,
            String status,
            List<String> reasons) {}

    /** A new member: its application, rank and source row. */
    record NewMember(String applicationId, int memberRank, int row) {}

    void insert(Network network, Instant at, String createdBy) {
        jdbc.sql("insert into app_network (" + NETWORK_COLUMNS + ", created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        network.id(),
                        network.name(),
                        network.agreementReference(),
                        network.validFrom(),
                        network.validUntil(),
                        network.subscriptionPaidByNetwork(),
                        Timestamp.from(at),
                        createdBy)
                .update();
    }

    void extendAgreement(String id, String reference, java.time.LocalDate validUntil) {
        jdbc.sql("update app_network set agreement_reference = ?, valid_until = ? where id = ?")
                .params(reference, validUntil, id)
                .update();
    }

    Optional<Network> find(String id) {
        return jdbc.sql("select " + NETWORK_COLUMNS + " from app_network where id = ?")
                .param(id)
                .query(NetworkRepository::network)
                .optional();
    }

    /**
     * The network, its row locked until the transaction ends: batches of one network are stored one after the
     * other, so member ranks follow each other and a repeated Idempotency-Key finds the first batch.
     */
    Optional<Network> lock(String id) {
        return jdbc.sql("select " + NETWORK_COLUMNS + " from app_network where id = ? for update")
                .param(id)
                .query(NetworkRepository::network)
                .optional();
    }

    List<Network> all() {
        return jdbc.sql("select " + NETWORK_COLUMNS + " from app_network order by id")
                .query(NetworkRepository::network)
                .list();
    }

    void addMembers(String networkId, int count) {
        jdbc.sql("update app_network set member_count = member_count + ? where id = ?")
                .params(count, networkId)
                .update();
    }

    Optional<Network> networkOfApplication(String applicationId) {
        return jdbc.sql("select n.id, n.name, n.agreement_reference, n.valid_from, n.valid_until,"
                        + " n.subscription_paid_by_network, n.member_count from app_network n"
                        + " join app_network_member m on m.network_id = n.id where m.application_id = ?")
                .param(applicationId)
                .query(NetworkRepository::network)
                .optional();
    }

    void insertBatch(String id, String networkId, String idempotencyKey, String format, Instant at, String createdBy) {
        jdbc.sql("insert into app_network_batch (id, network_id, idempotency_key, format, created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, networkId, idempotencyKey, format, Timestamp.from(at), createdBy)
                .update();
    }

    void completeBatch(String id, int received, int accepted, int rejected, int firstRank, String answer) {
        jdbc.sql("update app_network_batch set received = ?, accepted = ?, rejected = ?, first_rank = ?, answer = ?"
                        + " where id = ?")
                .params(received, accepted, rejected, firstRank, answer, id)
                .update();
    }

    Optional<Batch> findBatch(String networkId, String batchId) {
        return jdbc.sql("select " + BATCH_COLUMNS + " from app_network_batch where id = ? and network_id = ?")
                .params(batchId, networkId)
                .query(NetworkRepository::batch)
                .optional();
    }

    Optional<String> answerForKey(String networkId, String idempotencyKey) {
        return jdbc.sql("select answer from app_network_batch where network_id = ? and idempotency_key = ?")
                .params(networkId, idempotencyKey)
                .query(String.class)
                .optional();
    }

    void insertErrors(String batchId, List<RowError> errors) {
        batch.batchUpdate(
                "insert into app_network_batch_error (batch_id, position, source_row, field, message)"
                        + " values (?, ?, ?, ?, ?)",
                errors.stream()
                        .map(e -> new Object[] {batchId, e.position(), e.row(), e.field(), truncate(e.message(), 1000)})
                        .toList(),
                new int[] {Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR});
    }

    void errors(String batchId, Consumer<RowError> each) {
        streaming.query(
                "select position, source_row, field, message from app_network_batch_error where batch_id = ?"
                        + " order by position",
                rs -> {
                    each.accept(new RowError(
                            rs.getInt("position"),
                            rs.getInt("source_row"),
                            rs.getString("field"),
                            rs.getString("message")));
                },
                batchId);
    }

    void insertMembers(String networkId, String batchId, List<NewMember> members) {
        batch.batchUpdate(
                "insert into app_network_member (application_id, network_id, batch_id, member_rank, source_row)"
                        + " values (?, ?, ?, ?, ?)",
                members.stream()
                        .map(m -> new Object[] {m.applicationId(), networkId, batchId, m.memberRank(), m.row()})
                        .toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER});
    }

    /** The applications of a batch ranked {@code fromRank} to {@code toRank} (included) still waiting to start. */
    List<String> submittedMembers(String batchId, int fromRank, int toRank) {
        return jdbc.sql("select m.application_id from app_network_member m"
                        + " join app_application a on a.id = m.application_id"
                        + " where m.batch_id = ? and m.member_rank between ? and ? and a.status = 'SUBMITTED'"
                        + " order by m.member_rank")
                .params(batchId, fromRank, toRank)
                .query(String.class)
                .list();
    }

    Optional<Integer> memberRank(String applicationId) {
        return jdbc.sql("select member_rank from app_network_member where application_id = ?")
                .param(applicationId)
                .query(Integer.class)
                .optional();
    }

    /** How many of the batch's members are in each status. */
    Map<String, Integer> countByStatus(String batchId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select a.status, count(*) as members from app_application a where a.batch_id = ?"
                        + " group by a.status order by a.status")
                .param(batchId)
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getInt("members"));
                });
        return counts;
    }

    void members(String batchId, String status, Consumer<Member> each) {
        String sql =
                MEMBERS + "m.batch_id = ?" + (status == null ? "" : " and a.status = ?") + " order by m.member_rank";
        Object[] params = status == null ? new Object[] {batchId} : new Object[] {batchId, status};
        streaming.query(
                sql,
                rs -> {
                    each.accept(member(rs, 0));
                },
                params);
    }

    /** The network's batches, the latest first. */
    List<Batch> batches(String networkId, int limit) {
        return jdbc.sql("select " + BATCH_COLUMNS + " from app_network_batch where network_id = ?"
                        + " order by created_at desc, id limit ?")
                .params(networkId, limit)
                .query(NetworkRepository::batch)
                .list();
    }

    /** How many of the network's members are in each status. */
    Map<String, Integer> countByStatusOfNetwork(String networkId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select a.status, count(*) as members from app_network_member m"
                        + " join app_application a on a.id = m.application_id where m.network_id = ?"
                        + " group by a.status order by a.status")
                .param(networkId)
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getInt("members"));
                });
        return counts;
    }

    /** One page of the network's members in rank order, optionally in one status only. */
    List<Member> memberPage(String networkId, String status, int offset, int limit) {
        String sql = MEMBERS + "m.network_id = ?" + (status == null ? "" : " and a.status = ?")
                + " order by m.member_rank limit ? offset ?";
        Object[] params = status == null
                ? new Object[] {networkId, limit, offset}
                : new Object[] {networkId, status, limit, offset};
        return batch.query(sql, NetworkRepository::member, params);
    }

    /** Every member of the network in rank order, optionally in one status only, streamed. */
    void networkMembers(String networkId, String status, Consumer<Member> each) {
        String sql =
                MEMBERS + "m.network_id = ?" + (status == null ? "" : " and a.status = ?") + " order by m.member_rank";
        Object[] params = status == null ? new Object[] {networkId} : new Object[] {networkId, status};
        streaming.query(
                sql,
                rs -> {
                    each.accept(member(rs, 0));
                },
                params);
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        String reasons = rs.getString("reasons");
        return new Member(
                rs.getInt("source_row"),
                rs.getInt("member_rank"),
                rs.getString("id"),
                rs.getString("siret"),
                rs.getString("organisation_name"),
                rs.getString("status"),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\\|")));
    }

    private static Network network(ResultSet rs, int row) throws SQLException {
        return new Network(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("agreement_reference"),
                rs.getObject("valid_from", java.time.LocalDate.class),
                rs.getObject("valid_until", java.time.LocalDate.class),
                rs.getBoolean("subscription_paid_by_network"),
                rs.getInt("member_count"));
    }

    private static Batch batch(ResultSet rs, int row) throws SQLException {
        return new Batch(
                rs.getString("id"),
                rs.getString("network_id"),
                rs.getString("idempotency_key"),
                rs.getString("format"),
                rs.getInt("received"),
                rs.getInt("accepted"),
                rs.getInt("rejected"),
                rs.getInt("first_rank"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
