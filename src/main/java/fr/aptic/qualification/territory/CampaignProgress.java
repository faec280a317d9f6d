package fr.aptic.qualification.territory;

import java.time.Instant;
import java.util.Map;

/**
 * How far an open campaign got: the places it recruits and how many are (candidates whose application is
 * {@code QUALIFIED}), and its candidates by state (their application's status once they applied, else their
 * contact outcome: {@code CONTACT_PENDING}, {@code INVITED}, {@code CLOSED}, {@code DECLINED}, {@code UNREACHABLE},
 * {@code EXPIRED}).
 */
public record CampaignProgress(
        String campaignId,
        String departement,
        String hubId,
        String contactGroup,
        int placesToRecruit,
        int recruited,
        Instant openedAt,
        long candidates,
        Map<String, Long> candidatesByState) {}
