package fr.aptic.qualification.territory;

import java.util.List;
import java.util.Map;

/**
 * The funnel: how producers ended (QUALIFIED, CLOSED, DECLINED, INELIGIBLE, UNREACHABLE, WITHDRAWN, EXPIRED,
 * REJECTED), overall and per territory, path and campaign, with "le tri": the shares of CLOSED, DECLINED and
 * INELIGIBLE among the three, beside #APTIC's expectation of 60/20/20.
 */
public record FunnelReport(String departement, String path, String campaignId, Counts total, List<Group> groups) {

    /**
     * The counts of one slice of the funnel. {@code inProgress}: applications and candidates not ended yet.
     * {@code afterQualification}: what became of the qualified since (renewals, lapses, revocations,
     * reinstatements, each counted every time it happened).
     */
    public record Counts(
            long ended,
            long inProgress,
            Map<String, Long> counts,
            List<Share> sorting,
            Map<String, Long> afterQualification) {}

    /** One territory, path and campaign (null outside campaigns). */
    public record Group(String departement, String path, String campaignId, Counts funnel) {}

    /** One cause of the fall: its count, its share of the three (null when none fell yet) and the expected share. */
    public record Share(String outcome, long count, Double share, double expectedShare) {}
}
