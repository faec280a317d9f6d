package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationAccess;
import fr.aptic.qualification.application.TrackingTokens;
import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.security.AccessSetup;
import fr.aptic.qualification.web.ProblemException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs territorial campaigns: opens one for an under-served territory, picks candidates from the directory,
 * records what the hub's calls found, invites interested producers (their applications are followed by
 * {@link CandidateApplications}) and closes the campaign once every place is recruited or out of candidates.
 */
@Service
public class CampaignService {

    /** A producer contacted by a campaign is left alone by the next ones for this long. */
    static final int RECONTACT_AFTER_MONTHS = 12;

    static final String RECRUITED = "RECRUITED";
    static final String CANDIDATES_EXHAUSTED = "CANDIDATES_EXHAUSTED";

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignRepository campaigns;
    private final DirectoryRepository directory;
    private final RuntimeService runtime;
    private final SystemAuthority authority;
    private final CampaignMails mails;
    private final Territories territories = Territories.defaults();

    CampaignService(
            CampaignRepository campaigns,
            DirectoryRepository directory,
            RuntimeService runtime,
            SystemAuthority authority,
            CampaignMails mails) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.runtime = runtime;
        this.authority = authority;
        this.mails = mails;
    }

    /** A candidate chosen for a place to recruit, with what the hub needs to call it. */
    record Selected(String candidateId, DirectoryPlace place) {}

    public Optional<String> openCampaignOf(String departement) {
        return campaigns.openIn(departement);
    }

    /**
     * Opens a campaign for the territory's hub (the national team where no hub is valid today) and starts its
     * process, business key the campaign id.
     */
    @Transactional
    public String open(String departement, Consolidation consolidation, String injectionId) {
        String id = UUID.randomUUID().toString();
        String hubId = consolidation.hubId();
        String group = hubId == null ? AccessSetup.NATIONAL : TerritoryAccess.hubGroup(hubId);
        campaigns.insert(new CampaignRepository.Campaign(
                id,
                departement,
                hubId,
                group,
                consolidation.placesToRecruit(),
                CampaignRepository.OPEN,
                null,
                injectionId,
                Instant.now(),
                null));
        Map<String, Object> variables = new HashMap<>();
        TerritorialCampaignProcess.CAMPAIGN_ID.putInto(variables, id);
        TerritorialCampaignProcess.DEPARTEMENT.putInto(variables, departement);
        TerritorialCampaignProcess.HUB_ID.putInto(variables, hubId);
        TerritorialCampaignProcess.CONTACT_GROUP.putInto(variables, group);
        TerritorialCampaignProcess.PLACES_TO_RECRUIT.putInto(variables, consolidation.placesToRecruit());
        authority.runAnywhere(() -> runtime.startProcessInstanceByKey(TerritorialCampaignProcess.KEY, id, variables));
        return id;
    }

    /** The next candidate of the campaign's territory, recorded as waiting for the hub's call; empty when none is left. */
    @Transactional
    Optional<Selected> selectCandidate(String campaignId) {
        CampaignRepository.Campaign campaign = campaign(campaignId);
        Instant since = ZonedDateTime.now(ConsolidationService.PARIS)
                .minusMonths(RECONTACT_AFTER_MONTHS)
                .toInstant();
        return directory
                .nextCandidate(campaign.departement(), campaignId, since)
                .map(place -> {
                    String candidateId = UUID.randomUUID().toString();
                    campaigns.insertCandidate(candidateId, campaignId, place);
                    return new Selected(candidateId, place);
                });
    }

    /** Records one completed contact task (whatever its outcome); answers how many there have been. */
    @Transactional
    int recordAttempt(String candidateId, String comment) {
        CampaignRepository.Candidate candidate = candidate(candidateId);
        int attempts = candidate.contactAttempts() + 1;
        campaigns.recordAttempt(candidateId, attempts, comment, actor());
        return attempts;
    }

    /** The contact ended without an invitation: declined, closed (the directory entry too) or unreachable. */
    @Transactional
    void recordContactOutcome(String candidateId, String contactOutcome) {
        CandidateOutcome outcome = switch (contactOutcome) {
            case "DECLINED" -> CandidateOutcome.DECLINED;
            case "CLOSED" -> CandidateOutcome.CLOSED;
            case "UNREACHABLE" -> CandidateOutcome.UNREACHABLE;
            default ->
                throw new IllegalStateException(
                        "Contact outcome " + contactOutcome + " of candidate " + candidateId + " ends no contact");
        };
        CampaignRepository.Candidate candidate = candidate(candidateId);
        campaigns.recordOutcome(candidateId, outcome, actor());
        if (outcome == CandidateOutcome.CLOSED) {
            directory.markClosed(candidate.directoryPlaceId());
        }
    }

    /** Invites an interested candidate: a personal link, by mail, that opens a territorial application. */
    @Transactional
    void invite(String candidateId, String contactEmail) {
        CampaignRepository.Candidate candidate = candidate(candidateId);
        DirectoryPlace place = directory
                .find(candidate.directoryPlaceId())
                .orElseThrow(() -> new IllegalStateException("No directory place " + candidate.directoryPlaceId()));
        String token = TrackingTokens.issue();
        campaigns.invite(candidateId, contactEmail, TrackingTokens.hash(token), actor());
        mails.invitation(
                contactEmail,
                place.name(),
                territories.nameOf(place.departement()).orElse(place.departement()) + ", " + place.departement(),
                candidate.campaignId(),
                token);
    }

    /** The candidate was invited but never applied. */
    @Transactional
    void invitationExpired(String candidateId) {
        campaigns.recordOutcome(candidateId, CandidateOutcome.EXPIRED, null);
    }

    /** Closes the campaign; answers why it ended: every place recruited, or no candidate left. */
    @Transactional
    String end(String campaignId) {
        CampaignRepository.Campaign campaign = campaign(campaignId);
        int recruited = campaigns.recruited(campaignId);
        String reason = recruited >= campaign.placesToRecruit() ? RECRUITED : CANDIDATES_EXHAUSTED;
        campaigns.end(campaignId, reason);
        log.info(
                "Campaign {} ({}) ended: {} ({} of {} recruited)",
                campaignId,
                campaign.departement(),
                reason,
                recruited,
                campaign.placesToRecruit());
        return reason;
    }

    @Transactional(readOnly = true)
    public CampaignView view(String campaignId, ApplicationAccess access) {
        CampaignRepository.Campaign campaign =
                campaigns.find(campaignId).orElseThrow(() -> ProblemException.notFound("Campagne introuvable"));
        if (!access.isNational() && !access.groups().contains(campaign.contactGroup())) {
            throw ProblemException.notFound("Campagne introuvable");
        }
        List<CampaignView.CandidateView> candidates = campaigns.candidates(campaignId).stream()
                .map(row -> new CampaignView.CandidateView(
                        row.candidateId(),
                        row.directoryId(),
                        row.siret(),
                        row.name(),
                        row.commune(),
                        row.applicationStatus() != null
                                ? row.applicationStatus()
                                : row.outcome().name(),
                        row.contactAttempts(),
                        row.applicationId(),
                        row.comment(),
                        row.updatedAt(),
                        row.updatedBy()))
                .toList();
        return new CampaignView(
                campaign.id(),
                campaign.departement(),
                campaign.hubId(),
                campaign.contactGroup(),
                campaign.status(),
                campaign.endReason(),
                campaign.placesToRecruit(),
                campaigns.recruited(campaignId),
                campaign.openedAt(),
                campaign.endedAt(),
                candidates);
    }

    /**
     * The open campaigns and how far each got, oldest first: for the national team's overview (the steering page,
     * whose security chain admits only national staff; hubs read their own campaigns through {@link #view}).
     */
    @Transactional(readOnly = true)
    public List<CampaignProgress> openCampaigns() {
        Map<String, Map<String, Long>> states = new HashMap<>();
        for (CampaignRepository.StateCount count : campaigns.openCandidateStates()) {
            states.computeIfAbsent(count.campaignId(), id -> new java.util.TreeMap<>())
                    .put(count.state(), count.count());
        }
        return campaigns.open().stream()
                .map(c -> {
                    Map<String, Long> byState = states.getOrDefault(c.id(), Map.of());
                    return new CampaignProgress(
                            c.id(),
                            c.departement(),
                            c.hubId(),
                            c.contactGroup(),
                            c.placesToRecruit(),
                            byState.getOrDefault("QUALIFIED", 0L).intValue(),
                            c.openedAt(),
                            byState.values().stream().mapToLong(Long::longValue).sum(),
                            byState);
                })
                .toList();
    }

    private CampaignRepository.Campaign campaign(String campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new IllegalStateException("No campaign " + campaignId));
    }

    private CampaignRepository.Candidate candidate(String candidateId) {
        return campaigns
                .candidate(candidateId)
                .orElseThrow(() -> new IllegalStateException("No campaign candidate " + candidateId));
    }

    private String actor() {
        return authority.currentUser().orElse(null);
    }
}
