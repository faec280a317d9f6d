package fr.aptic.qualification.application;

import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.notification.ApplicantMails;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of an application's status, with its timeline event (and who made it) and the mail the
 * applicant receives. Delegates of every path call it, so a status means the same everywhere. Each change is
 * published as an {@link ApplicationStatusChanged} event.
 */
@Service
@Transactional
public class ApplicationLifecycle {

    private final ApplicationRepository applications;
    private final ApplicantMails mails;
    private final SystemAuthority authority;
    private final ApplicationEventPublisher events;

    public ApplicationLifecycle(
            ApplicationRepository applications,
            ApplicantMails mails,
            SystemAuthority authority,
            ApplicationEventPublisher events) {
        this.applications = applications;
        this.mails = mails;
        this.authority = authority;
        this.events = events;
    }

    public void underReview(String id, String reviewGroup) {
        move(id, ApplicationStatus.UNDER_REVIEW, null, "UNDER_REVIEW", "Instruction par " + reviewGroup);
    }

    /** The assessment found the application ineligible: its recorded reasons go to the timeline and the mail. */
    public void ineligible(String id) {
        List<String> reasons = find(id).reasons();
        Application application =
                move(id, ApplicationStatus.INELIGIBLE, "INELIGIBLE", "INELIGIBLE", String.join(", ", reasons));
        if (application.path() != QualificationPath.NETWORK) {
            mails.ineligible(application.contactEmail(), id, reasons);
        }
    }

    public void changesRequested(String id, String reason, String comment) {
        Application application =
                move(id, ApplicationStatus.CHANGES_REQUESTED, null, "CHANGES_REQUESTED", detail(reason, comment));
        mails.changesRequested(application.contactEmail(), id, reason, comment);
    }

    public void rejected(String id, String reason, String comment) {
        Application application = move(id, ApplicationStatus.REJECTED, "REJECTED", "REJECTED", detail(reason, comment));
        mails.rejected(application.contactEmail(), id, reason, comment);
    }

    public void contracting(String id, String termsVersion) {
        Application application =
                move(id, ApplicationStatus.CONTRACTING, null, "CONTRACTING", "Conditions générales " + termsVersion);
        mails.approved(application.contactEmail(), id);
    }

    public void bankDetailsRequested(String id) {
        Application application = find(id);
        applications.addEvent(id, "BANK_DETAILS_REQUESTED", null, actor());
        mails.bankDetailsRequested(application.contactEmail(), id);
    }

    public void expired(String id) {
        Application application = move(id, ApplicationStatus.EXPIRED, "EXPIRED", "EXPIRED", "Délai de réponse dépassé");
        mails.expired(application.contactEmail(), id);
    }

    public void withdrawn(String id) {
        move(id, ApplicationStatus.WITHDRAWN, "WITHDRAWN", "WITHDRAWN", null);
    }

    /**
     * The application's path ends qualified: its places go on the map and the qualification's life begins
     * ({@link QualificationGranted}).
     */
    public void qualified(String id) {
        Application application =
                move(id, ApplicationStatus.QUALIFIED, "QUALIFIED", "QUALIFIED", "Lieux publiés sur la carte");
        applications.publishPlaces(id, true);
        mails.qualified(application.contactEmail(), id, application.organisationName());
        events.publishEvent(new QualificationGranted(application));
    }

    /**
     * A step in the life of a qualification that changes its status (lapse, revocation, renewal after a lapse,
     * reinstatement, end): the places are on the map exactly while the status is {@code QUALIFIED}.
     */
    public Application qualificationMoved(String id, ApplicationStatus status, String event, String detail) {
        Application application = move(id, status, status.name(), event, detail, true);
        applications.publishPlaces(id, status == ApplicationStatus.QUALIFIED);
        return application;
    }

    /** Records an event that changes no status (a decision, an alert, complements received…). */
    public void event(String id, String event, String detail) {
        applications.addEvent(id, event, detail, actor());
    }

    private Application move(String id, ApplicationStatus status, String outcome, String event, String detail) {
        return move(id, status, outcome, event, detail, false);
    }

    private Application move(
            String id,
            ApplicationStatus status,
            String outcome,
            String event,
            String detail,
            boolean afterQualification) {
        applications.updateStatus(id, status, outcome);
        applications.addEvent(id, event, detail, actor());
        Application application = find(id);
        events.publishEvent(new ApplicationStatusChanged(
                id, status, application.path(), application.campaignId(), afterQualification));
        return application;
    }

    private Application find(String id) {
        return applications.findById(id).orElseThrow(() -> new IllegalStateException("No application " + id));
    }

    private String actor() {
        return authority.currentUser().orElse(null);
    }

    private static String detail(String reason, String comment) {
        return comment == null || comment.isBlank() ? reason : reason + " : " + comment;
    }
}
