package fr.aptic.qualification.territory;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as its hub and the national team follow it: the places to recruit, how many are, and each
 * candidate's outcome (CONTACT_PENDING, INVITED, CLOSED, DECLINED, UNREACHABLE, EXPIRED, then its application's
 * status once it applied).
 */
public record CampaignView(
        String campaignId,
        String departement,
        String hubId,
        String contactGroup,
        String status,
        String endReason,
        int placesToRecruit,
        int recruited,
        Instant openedAt,
        Instant endedAt,
        List<CandidateView> candidates) {

    /** One contacted producer. */
    public record CandidateView(
            String candidateId,
            String directoryId,
            String siret,
            String name,
            String commune,
            String outcome,
            int contactAttempts,
            String applicationId,
            String comment,
            Instant updatedAt,
            String updatedBy) {}
}
