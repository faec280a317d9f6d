package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.ApplicationStatusChanged;
import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.application.QualificationPath;
import fr.aptic.qualification.application.TrackingTokens;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.system.AccessSetup;
import fr.aptic.qualification.system.FieldError;
import fr.aptic.qualification.system.ProblemException;
import fr.aptic.qualification.system.SystemAuthority;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs territorial campaigns: opens one for an under-served territory, picks candidates from the directory,
 * records what the hub's calls found, invites interested producers into the free path and follows their
 * applications until the places to recruit are qualified or the directory has no candidate left.
 */
@Service
public class CampaignService {

    /** A producer contacted by a campaign is left alone by the next ones for this long. */
    static final int RECONTACT_AFTER_MONTHS = 12;

    static final String RECRUITED = "RECRUITED";
    static final String CANDIDATES_EXHAUSTED = "CANDIDATES_EXHAUSTED";

    /** The statuses that end an application the first time (a lapse or revocation comes after QUALIFIED). */
    static final Set<ApplicationStatus> ENDING = Set.of(
            ApplicationStatus.QUALIFIED,
            ApplicationStatus.INELIGIBLE,
            ApplicationStatus.REJECTED,
            ApplicationStatus.WITHDRAWN,
            ApplicationStatus.EXPIRED);

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignRepository campaigns;
    private final DirectoryRepository directory;
    private final ApplicationService applications;
    private final ApplicationRepository applicationRecords;
    private final ApplicationValidator validator;
    private final RuntimeService runtime;
    private final AsSystem asSystem;
    private final SystemAuthority authority;
    private final CampaignMails mails;
    private final Territories territories = Territories.defaults();

    CampaignService(
            CampaignRepository campaigns,
            DirectoryRepository directory,
            ApplicationService applications,
            ApplicationRepository applicationRecords,
            ApplicationValidator validator,
            RuntimeService runtime,
            AsSystem asSystem,
            SystemAuthority authority,
            CampaignMails mails) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.applications = applications;
        this.applicationRecords = applicationRecords;
        this.validator = validator;
        this.runtime = runtime;
        this.asSystem = asSystem;
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
        asSystem.run(() -> runtime.startProcessInstanceByKey(TerritorialCampaignProcess.KEY, id, variables));
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

    /**
     * Submits an invited candidate's application on the free path, tagged with the campaign. The invitation
     * serves once; a refused application stores nothing and leaves the invitation usable.
     */
    @Transactional
    public ApplicationService.Submitted apply(String campaignId, String invitation, ApplicationRequest request) {
        CampaignRepository.Candidate candidate = (invitation == null || invitation.length() > 200
                        ? Optional.<CampaignRepository.Candidate>empty()
                        : campaigns.candidateByInvitation(campaignId, TrackingTokens.hash(invitation)))
                .orElseThrow(() -> ProblemException.notFound("Invitation introuvable"));
        if (candidate.applicationId() != null) {
            throw ProblemException.conflict("Cette invitation a déjà servi à déposer une demande");
        }
        if (candidate.outcome() != CandidateOutcome.INVITED) {
            throw ProblemException.conflict("Cette invitation n'est plus valable");
        }
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ApplicationService.Origin origin =
                new ApplicationService.Origin(QualificationPath.TERRITORIAL, campaignId, null, null);
        ApplicationService.Submitted submitted = applications.store(request, origin);
        campaigns.linkApplication(candidate.id(), submitted.applicationId());
        // The campaign waits for the application first, so that one ending at once (ineligible) is seen ending.
        if (!deliver(TerritorialCampaignProcess.MESSAGE_CANDIDATE_APPLIED, campaignId, candidate.id())) {
            throw ProblemException.conflict("Cette invitation n'est plus valable");
        }
        applications.start(submitted.applicationId(), origin);
        return submitted;
    }

    /** Tells the campaign that its candidate's application has ended (qualified or not). */
    void applicationChanged(ApplicationStatusChanged change) {
        if (change.campaignId() == null || !ENDING.contains(change.status())) {
            return;
        }
        Optional<CampaignRepository.Candidate> candidate = campaigns.candidateOfApplication(change.applicationId());
        if (candidate.isEmpty()) {
            return;
        }
        if (!deliver(
                TerritorialCampaignProcess.MESSAGE_APPLICATION_ENDED,
                candidate.get().campaignId(),
                candidate.get().id())) {
            log.warn(
                    "Campaign {} was not waiting for the application {} of candidate {}",
                    candidate.get().campaignId(),
                    change.applicationId(),
                    candidate.get().id());
        }
    }

    /**
     * Delivers a message to the place instance working on this candidate; false when it is not waiting for it.
     * The candidate id is local to that instance, while the execution that waits can be a child of it (an
     * event-based gateway's), so the waiting executions are matched on the candidate id they see.
     */
    private boolean deliver(String message, String campaignId, String candidateId) {
        return asSystem.call(() -> {
            Optional<String> waiting = runtime
                    .createExecutionQuery()
                    .processInstanceBusinessKey(campaignId)
                    .messageEventSubscriptionName(message)
                    .list()
                    .stream()
                    .map(Execution::getId)
                    .filter(id ->
                            candidateId.equals(runtime.getVariable(id, TerritorialCampaignProcess.CANDIDATE_ID.name())))
                    .findFirst();
            waiting.ifPresent(id -> runtime.messageEventReceived(message, id));
            return waiting.isPresent();
        });
    }

    /** Whether the candidate's application ended qualified. */
    @Transactional(readOnly = true)
    boolean recruited(String candidateId) {
        CampaignRepository.Candidate candidate = candidate(candidateId);
        return candidate.applicationId() != null
                && applicationRecords
                        .findById(candidate.applicationId())
                        .map(a -> a.status() == ApplicationStatus.QUALIFIED)
                        .orElse(false);
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
    public CampaignView view(String campaignId, fr.aptic.qualification.application.ApplicationAccess access) {
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
