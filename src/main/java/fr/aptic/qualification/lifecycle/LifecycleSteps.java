package fr.aptic.qualification.lifecycle;

import static fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.*;

import fr.aptic.qualification.application.Application;
import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.QualificationPath;
import fr.aptic.qualification.application.TrackingTokens;
import fr.aptic.qualification.network.Network;
import fr.aptic.qualification.network.NetworkService;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What each step of {@code bpmn/qualification-lifecycle.bpmn} does to the qualification: the delegates named in
 * the model call one method each. Every step lands in the application's timeline.
 */
@Service
class LifecycleSteps {

    private final ApplicationLifecycle lifecycle;
    private final ApplicationRepository applications;
    private final QualificationStore store;
    private final QualificationTerms terms;
    private final RevocationReasons reasons;
    private final NetworkService networks;
    private final LifecycleMails mails;

    LifecycleSteps(
            ApplicationLifecycle lifecycle,
            ApplicationRepository applications,
            QualificationStore store,
            QualificationTerms terms,
            RevocationReasons reasons,
            NetworkService networks,
            LifecycleMails mails) {
        this.lifecycle = lifecycle;
        this.applications = applications;
        this.store = store;
        this.terms = terms;
        this.reasons = reasons;
        this.networks = networks;
        this.mails = mails;
    }

    /**
     * Opens a term: from the end of the previous one when the producer renewed on time, from today otherwise; a
     * network member's ends with its network's agreement unless it renewed on its own.
     */
    void openTerm(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        Application application = application(id);
        QualificationTerms.Durations durations = terms.durations(PATH.get(execution));
        LocalDate today = QualificationTerms.today();
        Optional<Date> previousEnd = TERM_ENDS_AT.find(execution);
        // renewed on time: the new term runs on from the last day of the previous one
        LocalDate start = previousEnd
                .map(end -> QualificationTerms.day(end).minusDays(1))
                .filter(day -> day.isAfter(today))
                .orElse(today);
        // the last valid day: a year from today is valid until the same date next year, as the subscription says
        LocalDate validUntil = start.plus(durations.validity());
        Optional<Network> agreement = followedAgreement(execution);
        Optional<LocalDate> initial = INITIAL_VALID_UNTIL.find(execution).map(LocalDate::parse);
        if (agreement.isPresent() && agreement.get().validUntil().isAfter(today)) {
            validUntil = agreement.get().validUntil();
        } else if (initial.isPresent() && !initial.get().isBefore(today)) {
            validUntil = initial.get();
        }
        if (initial.isPresent()) {
            INITIAL_VALID_UNTIL.set(execution, null);
        }
        QualificationTerms.Term term = QualificationTerms.term(validUntil, durations);
        FIRST_NOTICE_AT.set(execution, term.firstNoticeAt());
        SECOND_NOTICE_AT.set(execution, term.secondNoticeAt());
        TERM_ENDS_AT.set(execution, term.termEndsAt());
        GRACE_ENDS_AT.set(execution, term.graceEndsAt());
        VALID_UNTIL.set(execution, validUntil.toString());
        RENEWAL_OPEN.set(execution, false);
        store.recordValidity(id, validUntil);
        String detail = "Qualification valable jusqu'au " + LifecycleMails.DAY.format(validUntil)
                + agreement
                        .map(n -> " (fin de la convention du réseau " + n.name() + ")")
                        .orElse("");
        lifecycle.event(id, "TERM_OPENED", detail);
        if (previousEnd.isPresent()) {
            mails.renewed(application.contactEmail(), application.organisationName(), validUntil);
        }
    }

    /** A renewal notice: a fresh link to confirm or change, to the producer's contact. */
    void renewalNotice(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        Application application = application(id);
        LocalDate validUntil = LocalDate.parse(VALID_UNTIL.get(execution));
        String token = TrackingTokens.issue();
        store.recordRenewalToken(id, TrackingTokens.hash(token));
        RENEWAL_OPEN.set(execution, true);
        boolean first = FIRST_NOTICE.equals(execution.getCurrentActivityId());
        mails.renewalNotice(
                application.contactEmail(),
                id,
                application.organisationName(),
                validUntil,
                token,
                followedAgreement(execution).map(Network::name).orElse(null));
        lifecycle.event(
                id,
                "RENEWAL_NOTICE",
                (first ? "Avis de renouvellement" : "Relance") + " envoyé : fin de validité le "
                        + LifecycleMails.DAY.format(validUntil));
    }

    /** No confirmation by the end: LAPSED, off the map today, the hub told; the producer may still take it up. */
    void lapse(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        LocalDate graceEnds =
                QualificationTerms.day(GRACE_ENDS_AT.get(execution)).minusDays(1);
        Application application = lifecycle.qualificationMoved(
                id,
                ApplicationStatus.LAPSED,
                "LAPSED",
                "Non renouvelée au " + LifecycleMails.DAY.format(LocalDate.parse(VALID_UNTIL.get(execution)))
                        + " : lieux retirés de la carte ; reprise possible jusqu'au "
                        + LifecycleMails.DAY.format(graceEnds));
        TERM_OUTCOME.set(execution, LAPSED);
        RENEWAL_OPEN.set(execution, true);
        String token = TrackingTokens.issue();
        store.recordRenewalToken(id, TrackingTokens.hash(token));
        mails.lapsed(application.contactEmail(), id, application.organisationName(), graceEnds, token);
        mails.informHub(
                application.reviewGroup(),
                "#APTIC : une qualification de votre territoire est caduque",
                "La qualification de " + application.organisationName() + " (SIRET " + application.siret()
                        + ") n'a pas été renouvelée : ses lieux ont quitté la carte aujourd'hui.");
    }

    /** The delay to take a lapsed qualification up is over: the SIRET is free for a new application. */
    void closeLapsed(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        store.releaseSiret(id);
        lifecycle.event(id, "LAPSE_FINAL", "Délai de reprise écoulé : une nouvelle demande est nécessaire");
    }

    /**
     * Renews: after the producer's confirmation (and the review its changes needed) or the extension of its
     * network's agreement. A lapsed qualification taken up in time is QUALIFIED again, its places back on the map.
     */
    void renew(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        Application application = application(id);
        boolean byAgreement = RENEW_WITH_AGREEMENT.equals(execution.getCurrentActivityId());
        String detail = byAgreement ? "Convention du réseau prolongée" : "Confirmation du producteur";
        if (application.status() == ApplicationStatus.LAPSED) {
            lifecycle.qualificationMoved(
                    id, ApplicationStatus.QUALIFIED, "REINSTATED", detail + " dans le délai de reprise");
        } else {
            applications.publishPlaces(id, true);
            lifecycle.event(id, "RENEWED", detail);
        }
        if (!byAgreement && application.path() == QualificationPath.NETWORK) {
            RENEWED_ALONE.set(execution, true);
        }
        store.recordRenewalToken(id, null);
        TERM_OUTCOME.set(execution, RENEWED);
    }

    /** The renewal ends the qualification: the changes made it ineligible, or the hub refused the new places. */
    void endQualification(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        boolean ineligible = END_INELIGIBLE.equals(execution.getCurrentActivityId());
        String why;
        Application application;
        if (ineligible) {
            application = application(id);
            why = "les informations confirmées ne remplissent plus les conditions ("
                    + String.join(", ", application.reasons()) + ")";
            application = lifecycle.qualificationMoved(id, ApplicationStatus.INELIGIBLE, "RENEWAL_INELIGIBLE", why);
        } else {
            String reason = REASON.find(execution).orElse("");
            String comment = COMMENT.find(execution).orElse("");
            why = "le renouvellement est refusé (" + reason + (comment.isBlank() ? "" : " : " + comment) + ")";
            application = lifecycle.qualificationMoved(id, ApplicationStatus.REJECTED, "RENEWAL_REJECTED", why);
        }
        store.recordRenewalToken(id, null);
        TERM_OUTCOME.set(execution, ENDED);
        mails.ended(application.contactEmail(), application.organisationName(), why);
        mails.informHub(
                application.reviewGroup(),
                "#APTIC : une qualification de votre territoire prend fin",
                "La qualification de " + application.organisationName() + " (SIRET " + application.siret()
                        + ") prend fin : " + why + ".");
    }

    /** The national team revokes: REVOKED, off the map, the producer told why in words, its hub informed. */
    void revoke(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        String code = REASON.get(execution);
        String comment = COMMENT.find(execution).orElse(null);
        String words = reasons.words(code).orElse(code);
        store.recordRevocation(id, new QualificationStore.Revocation(code, comment));
        store.recordRenewalToken(id, null);
        Application application = lifecycle.qualificationMoved(
                id,
                ApplicationStatus.REVOKED,
                "REVOKED",
                words + (comment == null || comment.isBlank() ? "" : " : " + comment));
        mails.revoked(application.contactEmail(), application.organisationName(), words, comment);
        mails.informHub(
                application.reviewGroup(),
                "#APTIC : une qualification de votre territoire est révoquée",
                "L'équipe nationale a révoqué la qualification de " + application.organisationName() + " (SIRET "
                        + application.siret() + ") : " + words + ". Ses lieux ont quitté la carte.");
    }

    /** The national team reinstates a revoked qualification: a new term from today. */
    void reinstate(DelegateExecution execution) {
        String id = APPLICATION_ID.get(execution);
        store.recordRevocation(id, null);
        Application application = lifecycle.qualificationMoved(
                id,
                ApplicationStatus.QUALIFIED,
                "REINSTATED",
                "Réintégration décidée par l'équipe nationale"
                        + COMMENT.find(execution)
                                .filter(c -> !c.isBlank())
                                .map(c -> " : " + c)
                                .orElse(""));
        TERM_ENDS_AT.set(execution, null);
        mails.reinstated(application.contactEmail(), application.organisationName());
    }

    /** The national team keeps the qualification after a report. */
    void dismissBreach(DelegateExecution execution) {
        lifecycle.event(
                APPLICATION_ID.get(execution),
                "BREACH_DISMISSED",
                "Signalement classé"
                        + COMMENT.find(execution)
                                .filter(c -> !c.isBlank())
                                .map(c -> " : " + c)
                                .orElse(""));
    }

    private Optional<Network> followedAgreement(DelegateExecution execution) {
        if (!QualificationPath.NETWORK.name().equals(PATH.get(execution))
                || RENEWED_ALONE.find(execution).orElse(false)) {
            return Optional.empty();
        }
        return NETWORK_ID.find(execution).flatMap(networks::find);
    }

    private Application application(String id) {
        return applications.findById(id).orElseThrow(() -> new IllegalStateException("No application " + id));
    }
}
