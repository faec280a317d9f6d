package fr.aptic.qualification.territory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores campaigns and their candidates ({@code app_campaign}, {@code app_campaign_candidate}). */
@Repository
class CampaignRepository {

    static final String OPEN = "OPEN";
    static final String ENDED = "ENDED";

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Campaign(
            String id,
            String departement,
            String hubId,
            String contactGroup,
            int placesToRecruit,
            String status,
            String endReason,
            String injectionId,
            Instant openedAt,
            Instant endedAt) {}

    record Candidate(
            String id,
            String campaignId,
            String directoryPlaceId,
            String siret,
            CandidateOutcome outcome,
            int contactAttempts,
            String contactEmail,
            String applicationId) {}

    /** A candidate as the campaign's page shows it, with its place and, once it applied, its application. */
    record CandidateRow(
            String candidateId,
            String directoryId,
            String siret,
            String name,
            String commune,
            CandidateOutcome outcome,
            int contactAttempts,
            String applicationId,
            String applicationStatus,
            String comment,
            Instant updatedAt,
            String updatedBy) {}

    /** Inserts an open campaign; the unique index refuses a second open one in the same territory. */
    void insert(Campaign campaign) {
        jdbc.sql("insert into app_campaign (id, departement, open_departement, hub_id, contact_group,"
                        + " places_to_recruit, status, injection_id, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        campaign.id(),
                        campaign.departement(),
                        campaign.departement(),
                        campaign.hubId(),
                        campaign.contactGroup(),
                        campaign.placesToRecruit(),
                        OPEN,
                        campaign.injectionId(),
                        Timestamp.from(campaign.openedAt()))
                .update();
    }

    Optional<Campaign> find(String id) {
        return jdbc.sql("select * from app_campaign where id = ?")
                .param(id)
                .query(CampaignRepository::campaign)
                .optional();
    }

    Optional<String> openIn(String departement) {
        return jdbc.sql("select id from app_campaign where open_departement = ?")
                .param(departement)
                .query(String.class)
                .optional();
    }

    void end(String id, String reason) {
        jdbc.sql("update app_campaign set status = ?, end_reason = ?, ended_at = ?, open_departement = null"
                        + " where id = ?")
                .params(ENDED, reason, now(), id)
                .update();
    }

    void insertCandidate(String id, String campaignId, DirectoryPlace place) {
        jdbc.sql("insert into app_campaign_candidate (id, campaign_id, directory_place_id, siret, outcome,"
                        + " selected_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        campaignId,
                        place.id(),
                        place.siret(),
                        CandidateOutcome.CONTACT_PENDING.name(),
                        now(),
                        now())
                .update();
    }

    Optional<Candidate> candidate(String id) {
        return jdbc.sql("select * from app_campaign_candidate where id = ?")
                .param(id)
                .query(CampaignRepository::candidate)
                .optional();
    }

    Optional<Candidate> candidateByInvitation(String campaignId, String invitationHash) {
        return jdbc.sql("select * from app_campaign_candidate where campaign_id = ? and invitation_hash = ?")
                .params(campaignId, invitationHash)
                .query(CampaignRepository::candidate)
                .optional();
    }

    Optional<Candidate> candidateOfApplication(String applicationId) {
        return jdbc.sql("select * from app_campaign_candidate where application_id = ?")
                .param(applicationId)
                .query(CampaignRepository::candidate)
                .optional();
    }

    void recordAttempt(String id, int attempts, String comment, String actor) {
        jdbc.sql("update app_campaign_candidate set contact_attempts = ?, comment = ?, updated_at = ?, updated_by = ?"
                        + " where id = ?")
                .params(attempts, comment, now(), actor, id)
                .update();
    }

    void recordOutcome(String id, CandidateOutcome outcome, String actor) {
        jdbc.sql("update app_campaign_candidate set outcome = ?, updated_at = ?, updated_by = coalesce(?, updated_by)"
                        + " where id = ?")
                .params(outcome.name(), now(), actor, id)
                .update();
    }

    void invite(String id, String contactEmail, String invitationHash, String actor) {
        jdbc.sql("update app_campaign_candidate set outcome = ?, contact_email = ?, invitation_hash = ?,"
                        + " updated_at = ?, updated_by = coalesce(?, updated_by) where id = ?")
                .params(CandidateOutcome.INVITED.name(), contactEmail, invitationHash, now(), actor, id)
                .update();
    }

    void linkApplication(String id, String applicationId) {
        jdbc.sql("update app_campaign_candidate set application_id = ?, updated_at = ? where id = ?")
                .params(applicationId, now(), id)
                .update();
    }

    /** The candidates of a campaign in the order they were selected. */
    List<CandidateRow> candidates(String campaignId) {
        return jdbc.sql("select c.id, c.directory_place_id, c.siret, d.name, d.commune, c.outcome, c.contact_attempts,"
                        + " c.application_id, a.status as application_status, c.comment, c.updated_at, c.updated_by"
                        + " from app_campaign_candidate c join app_directory_place d on d.id = c.directory_place_id"
                        + " left join app_application a on a.id = c.application_id"
                        + " where c.campaign_id = ? order by c.selected_at, c.id")
                .param(campaignId)
                .query((rs, n) -> new CandidateRow(
                        rs.getString("id"),
                        rs.getString("directory_place_id"),
                        rs.getString("siret"),
                        rs.getString("name"),
                        rs.getString("commune"),
                        CandidateOutcome.valueOf(rs.getString("outcome")),
                        rs.getInt("contact_attempts"),
                        rs.getString("application_id"),
                        rs.getString("application_status"),
                        rs.getString("comment"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .list();
    }

    /** How many of the campaign's candidates are qualified producers. */
    int recruited(String campaignId) {
        return jdbc.sql(
                        "select count(*) from app_campaign_candidate c join app_application a on a.id = c.application_id"
                                + " where c.campaign_id = ? and a.status = 'QUALIFIED'")
                .param(campaignId)
                .query(Integer.class)
                .single();
    }

    /** The open campaigns, oldest first. */
    List<Campaign> open() {
        return jdbc.sql("select * from app_campaign where status = ? order by opened_at, id")
                .param(OPEN)
                .query(CampaignRepository::campaign)
                .list();
    }

    /** How many candidates of one campaign stand at one state: its application's status, else its contact outcome. */
    record StateCount(String campaignId, String state, long count) {}

    /** {@link StateCount}s of the open campaigns. */
    List<StateCount> openCandidateStates() {
        return jdbc.sql("select c.campaign_id, coalesce(a.status, c.outcome) as state, count(*) as n"
                        + " from app_campaign_candidate c join app_campaign k on k.id = c.campaign_id"
                        + " left join app_application a on a.id = c.application_id"
                        + " where k.status = ? group by c.campaign_id, coalesce(a.status, c.outcome)")
                .param(OPEN)
                .query((rs, n) -> new StateCount(rs.getString("campaign_id"), rs.getString("state"), rs.getLong("n")))
                .list();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Campaign(
                rs.getString("id"),
                rs.getString("departement"),
                rs.getString("hub_id"),
                rs.getString("contact_group"),
                rs.getInt("places_to_recruit"),
                rs.getString("status"),
                rs.getString("end_reason"),
                rs.getString("injection_id"),
                rs.getTimestamp("opened_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        return new Candidate(
                rs.getString("id"),
                rs.getString("campaign_id"),
                rs.getString("directory_place_id"),
                rs.getString("siret"),
                CandidateOutcome.valueOf(rs.getString("outcome")),
                rs.getInt("contact_attempts"),
                rs.getString("contact_email"),
                rs.getString("application_id"));
    }
}
