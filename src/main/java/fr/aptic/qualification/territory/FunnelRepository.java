package fr.aptic.qualification.territory;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts where producers end, by territory, path and campaign: applications by status, and campaign candidates
 * that never applied by their contact outcome (always the territorial path).
 */
@Repository
class FunnelRepository {

    private final JdbcClient jdbc;

    FunnelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many entries of a territory, path and campaign ended in a state (an application status or a candidate outcome). */
    record Count(String departement, String path, String campaignId, String state, long count) {}

    List<Count> applications(String departement, String path, String campaignId) {
        StringBuilder sql = new StringBuilder(
                "select departement, path, campaign_id, status, count(*) as n" + " from app_application where 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "departement", departement);
        filter(sql, params, "path", path);
        filter(sql, params, "campaign_id", campaignId);
        sql.append(" group by departement, path, campaign_id, status");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Count(
                        rs.getString("departement"),
                        rs.getString("path"),
                        rs.getString("campaign_id"),
                        rs.getString("status"),
                        rs.getLong("n")))
                .list();
    }

    /** The timeline events of qualifications' lives (renewals, lapses, revocations, reinstatements), as states "EVENT:…". */
    List<Count> lifeEvents(String departement, String path, String campaignId) {
        StringBuilder sql = new StringBuilder("select a.departement, a.path, a.campaign_id, t.event, count(*) as n"
                + " from app_timeline t join app_application a on a.id = t.application_id"
                + " where t.event in ('RENEWED', 'LAPSED', 'REVOKED', 'REINSTATED')");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "a.departement", departement);
        filter(sql, params, "a.path", path);
        filter(sql, params, "a.campaign_id", campaignId);
        sql.append(" group by a.departement, a.path, a.campaign_id, t.event");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Count(
                        rs.getString("departement"),
                        rs.getString("path"),
                        rs.getString("campaign_id"),
                        LIFE_EVENT + rs.getString("event"),
                        rs.getLong("n")))
                .list();
    }

    static final String LIFE_EVENT = "EVENT:";

    List<Count> candidatesWithoutApplication(String departement, String campaignId) {
        StringBuilder sql = new StringBuilder("select k.departement, c.campaign_id, c.outcome, count(*) as n"
                + " from app_campaign_candidate c join app_campaign k on k.id = c.campaign_id"
                + " where c.application_id is null");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "k.departement", departement);
        filter(sql, params, "c.campaign_id", campaignId);
        sql.append(" group by k.departement, c.campaign_id, c.outcome");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Count(
                        rs.getString("departement"),
                        "TERRITORIAL",
                        rs.getString("campaign_id"),
                        rs.getString("outcome"),
                        rs.getLong("n")))
                .list();
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
