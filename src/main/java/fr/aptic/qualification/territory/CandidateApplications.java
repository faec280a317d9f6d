package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.ApplicationStatusChanged;
import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.application.QualificationPath;
import fr.aptic.qualification.application.TrackingTokens;
import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.geocoding.PlaceLocations;
import fr.aptic.qualification.reference.Coordinates;
import fr.aptic.qualification.reference.Words;
import fr.aptic.qualification.web.ProblemException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign candidates' applications: an invited candidate applies on the free path, tagged with the
 * campaign, its place taking the directory's coordinates; when its application ends (it follows every status
 * change, in the same transaction), the place instance working on that candidate goes on, recruited or to the
 * next candidate.
 */
@Service
public class CandidateApplications {

    private static final Logger log = LoggerFactory.getLogger(CandidateApplications.class);

    private final CampaignRepository campaigns;
    private final ApplicationService applications;
    private final ApplicationRepository applicationRecords;
    private final ApplicationValidator validator;
    private final RuntimeService runtime;
    private final SystemAuthority authority;
    private final DirectoryRepository directory;
    private final PlaceLocations locations;

    CandidateApplications(
            CampaignRepository campaigns,
            ApplicationService applications,
            ApplicationRepository applicationRecords,
            ApplicationValidator validator,
            RuntimeService runtime,
            SystemAuthority authority,
            DirectoryRepository directory,
            PlaceLocations locations) {
        this.directory = directory;
        this.locations = locations;
        this.campaigns = campaigns;
        this.applications = applications;
        this.applicationRecords = applicationRecords;
        this.validator = validator;
        this.runtime = runtime;
        this.authority = authority;
    }

    /** The statuses that end an application the first time (a lapse or revocation comes after QUALIFIED). */
    static final Set<ApplicationStatus> ENDING = Set.of(
            ApplicationStatus.QUALIFIED,
            ApplicationStatus.INELIGIBLE,
            ApplicationStatus.REJECTED,
            ApplicationStatus.WITHDRAWN,
            ApplicationStatus.EXPIRED);

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
        ApplicationValidator.Checked checked = validator.check(request);
        if (!checked.isValid()) {
            throw ProblemException.invalid(checked.errors());
        }
        ApplicationService.Origin origin =
                new ApplicationService.Origin(QualificationPath.TERRITORIAL, campaignId, null, null);
        ApplicationService.Submitted submitted = applications.store(checked.request(), origin);
        campaigns.linkApplication(candidate.id(), submitted.applicationId());
        directory
                .find(candidate.directoryPlaceId())
                .ifPresent(entry -> locateFromDirectory(submitted.applicationId(), checked.request(), entry));
        // The campaign waits for the application first, so that one ending at once (ineligible) is seen ending.
        if (!deliver(TerritorialCampaignProcess.MESSAGE_CANDIDATE_APPLIED, campaignId, candidate.id())) {
            throw ProblemException.conflict("Cette invitation n'est plus valable");
        }
        applications.start(submitted.applicationId(), origin);
        return submitted;
    }

    /**
     * The directory's coordinates go with the place they describe: a place the applicant did not pin, at the
     * entry's address (the same words, whatever the case, accents and punctuation) in the entry's commune, takes
     * them (source {@code DIRECTORY}) instead of waiting for the geocoder.
     */
    private void locateFromDirectory(String applicationId, ApplicationRequest request, DirectoryPlace entry) {
        if (entry.latitude() == null || entry.longitude() == null) {
            return;
        }
        Coordinates coordinates = new Coordinates(entry.latitude(), entry.longitude());
        List<ApplicationRequest.Place> places = request.places();
        for (int i = 0; i < places.size(); i++) {
            ApplicationRequest.Place place = places.get(i);
            if (!place.pinned()
                    && Objects.equals(place.inseeCode(), entry.inseeCode())
                    && Words.normalize(place.address()).equals(Words.normalize(entry.address()))) {
                locations.locateFromDirectory(applicationId, i, coordinates);
            }
        }
    }

    /** Tells the campaign that its candidate's application has ended (qualified or not). */
    @EventListener
    void applicationChanged(ApplicationStatusChanged change) {
        if (change.campaignId() == null || change.afterQualification() || !ENDING.contains(change.status())) {
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
        return authority.callAnywhere(() -> {
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

    private CampaignRepository.Candidate candidate(String candidateId) {
        return campaigns
                .candidate(candidateId)
                .orElseThrow(() -> new IllegalStateException("No campaign candidate " + candidateId));
    }
}
