package fr.aptic.qualification.lifecycle;

import static fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.application.Application;
import fr.aptic.qualification.application.ApplicationAccess;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.QualificationGranted;
import fr.aptic.qualification.application.TrackingTokens;
import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.engine.TaskDecision;
import fr.aptic.qualification.network.AgreementExtended;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doors into a qualification's life: its start when an application is qualified, the producer's renewal, the
 * national team's revocation and reinstatement, a report of a breach, a network's extended agreement; and what
 * {@code GET /api/qualifications/{siret}} shows.
 */
@Service
public class QualificationService {

    static final Pattern SIRET_DIGITS = Pattern.compile("\\d{14}");
    static final int MAX_TEXT = TaskDecision.MAX_COMMENT;

    private final RuntimeService runtime;
    private final SystemAuthority authority;
    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final QualificationStore store;
    private final RevocationReasons reasons;

    QualificationService(
            RuntimeService runtime,
            SystemAuthority authority,
            ApplicationRepository applications,
            ApplicationService applicationService,
            QualificationStore store,
            RevocationReasons reasons) {
        this.runtime = runtime;
        this.authority = authority;
        this.applications = applications;
        this.applicationService = applicationService;
        this.store = store;
        this.reasons = reasons;
    }

    /** Starts the qualification's life as its application is qualified, in the same transaction. */
    @EventListener
    void granted(QualificationGranted granted) {
        start(granted.application(), null);
    }

    /**
     * Starts the life of a qualification; {@code initialValidUntil}, when given, is the end date its first term
     * keeps (a qualification granted before the lifecycle existed).
     */
    void start(Application application, LocalDate initialValidUntil) {
        // only what the instance reads: each variable is a row, and its history, for each of 100 000 qualifications
        Map<String, Object> variables = new HashMap<>();
        APPLICATION_ID.putInto(variables, application.id());
        QualificationLifecycleProcess.SIRET.putInto(variables, application.siret());
        PATH.putInto(variables, application.path().name());
        ORGANISATION_NAME.putInto(variables, application.organisationName());
        RENEWED_ALONE.putInto(variables, false);
        if (application.networkId() != null) {
            NETWORK_ID.putInto(variables, application.networkId());
        }
        if (application.departement() != null) {
            DEPARTEMENT.putInto(variables, application.departement());
        }
        if (application.reviewGroup() != null) {
            REVIEW_GROUP.putInto(variables, application.reviewGroup());
        }
        if (initialValidUntil != null) {
            INITIAL_VALID_UNTIL.putInto(variables, initialValidUntil.toString());
        }
        authority.callAnywhere(() -> runtime.startProcessInstanceByKey(KEY, application.id(), variables));
    }

    /** A network's agreement is extended: its members that follow it renew (those lapsed in time too). */
    @EventListener
    void agreementExtended(AgreementExtended extended) {
        authority.runAnywhere(() -> runtime.createMessageCorrelation(MESSAGE_AGREEMENT_EXTENDED)
                .processInstanceVariableEquals(NETWORK_ID.name(), extended.networkId())
                .processInstanceVariableEquals(RENEWED_ALONE.name(), false)
                .correlateAllWithResult());
    }

    /** The qualification of a SIRET, for staff who may read its application or its producer (token). */
    @Transactional(readOnly = true)
    public QualificationView view(String siret, String token, ApplicationAccess access) {
        Application application = readable(siret, token, access);
        return view(application);
    }

    /**
     * The qualification of an application, for its producer: the renewal link's token or the tracking token, checked
     * as {@link #confirmRenewal} checks it; a wrong token reads like an unknown application (404).
     */
    @Transactional(readOnly = true)
    public QualificationView viewOfApplication(String applicationId, String token) {
        Application application = applications.findById(applicationId).orElseThrow(QualificationService::notFound);
        if (!holdsToken(applicationId, token)) {
            throw notFound();
        }
        return view(application);
    }

    /**
     * The day the renewal opens (the first notice) while it is still ahead, by the engine's clock; empty once the
     * notices are out or the qualification no longer runs. For a page that has checked the token already.
     */
    @Transactional(readOnly = true)
    Optional<LocalDate> renewalOpensOn(String applicationId) {
        return instance(applicationId)
                .map(i -> variable(i, FIRST_NOTICE_AT.name()))
                .filter(Date.class::isInstance)
                .map(Date.class::cast)
                .filter(date -> date.after(ClockUtil.getCurrentTime()))
                .map(QualificationTerms::day);
    }

    /**
     * The producer confirms its renewal, with or without changes (any subset of the application's fields). A
     * change of places goes to its hub's review, another change that bears on eligibility to the assessment;
     * none renews at once. 400 naming each wrong field (a change leaving no service at all among them), nothing
     * changed; 409 before the renewal opens or while a confirmation is being handled.
     */
    @Transactional
    public QualificationView confirmRenewal(String applicationId, String token, JsonNode patch) {
        Application application = applications.findById(applicationId).orElseThrow(QualificationService::notFound);
        if (!holdsToken(applicationId, token)) {
            throw notFound();
        }
        Optional<ProcessInstance> instance = instance(applicationId);
        boolean open = instance.map(i -> Boolean.TRUE.equals(variable(i, RENEWAL_OPEN.name())))
                .orElse(false);
        if (!open
                || !(application.status() == ApplicationStatus.QUALIFIED
                        || application.status() == ApplicationStatus.LAPSED)) {
            throw ProblemException.conflict(renewalClosed(application, instance));
        }
        ApplicationRequest stored = applicationService.storedRequest(applicationId);
        ApplicationRequest changed = applicationService.changed(applicationId, patch);
        withSomeService(changed);
        String change = RenewalChanges.between(stored, changed);
        authority.runOnBehalfOf(SystemAuthority.APPLICANT, () -> {
            if (!"NONE".equals(change) || !stored.equals(changed)) {
                // new places wait for the hub's approval off the map; other changes keep the map's state
                boolean published = !"PLACES".equals(change) && application.status() == ApplicationStatus.QUALIFIED;
                applicationService.storeChange(applicationId, changed, published, "RENEWAL_CHANGES");
            }
            applications.addEvent(
                    applicationId, "RENEWAL_CONFIRMED", RenewalChanges.inWords(change), SystemAuthority.APPLICANT);
            correlate(
                    applicationId,
                    MESSAGE_RENEWAL_CONFIRMED,
                    Map.of(RENEWAL_CHANGE.name(), change),
                    "Une confirmation de renouvellement est déjà en cours de traitement");
        });
        return view(applications.findById(applicationId).orElseThrow());
    }

    /** The national team revokes, with a reason code of {@code revocation-reason} and a comment. */
    @Transactional
    public QualificationView revoke(String siret, String reason, String comment, ApplicationAccess access) {
        national(access, "Seule l'équipe nationale révoque une qualification");
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "obligatoire : " + String.join(", ", reasons.codes()));
        }
        if (reasons.words(reason).isEmpty()) {
            throw ProblemException.invalid("reason", "motif inconnu, attendu : " + String.join(", ", reasons.codes()));
        }
        text("comment", comment);
        Application application = current(siret);
        if (!(application.status() == ApplicationStatus.QUALIFIED
                || application.status() == ApplicationStatus.LAPSED)) {
            throw ProblemException.conflict(
                    "La qualification n'est pas en cours (statut " + application.status() + ")");
        }
        Map<String, Object> variables = new HashMap<>();
        REVOCATION_DECIDED_BY.putInto(variables, access.userId());
        DECISION.putInto(variables, "REVOKE");
        REASON.putInto(variables, reason);
        COMMENT.putInto(variables, comment);
        BREACH_REPORT.putInto(variables, null);
        correlate(application.id(), MESSAGE_BREACH_REPORTED, variables, "La qualification n'est plus en cours");
        return view(applications.findById(application.id()).orElseThrow());
    }

    /**
     * Reports a breach for the national team to decide on in Tasklist ({@code Task_DecideRevocation}): the hub
     * of the qualification's territory, its network or the national team.
     */
    @Transactional
    public QualificationView report(String siret, String report, ApplicationAccess access) {
        Application application = current(siret);
        if (!access.mayRead(application)) {
            throw ProblemException.forbidden("Seuls le hub du territoire, le réseau et l'équipe nationale signalent");
        }
        if (report == null || report.isBlank()) {
            throw ProblemException.invalid("report", "obligatoire : ce qui a été constaté");
        }
        text("report", report);
        if (!(application.status() == ApplicationStatus.QUALIFIED
                || application.status() == ApplicationStatus.LAPSED)) {
            throw ProblemException.conflict(
                    "La qualification n'est pas en cours (statut " + application.status() + ")");
        }
        Map<String, Object> variables = new HashMap<>();
        REVOCATION_DECIDED_BY.putInto(variables, null);
        BREACH_REPORT.putInto(variables, report.strip() + " (" + access.userId() + ")");
        applications.addEvent(application.id(), "BREACH_REPORTED", report.strip(), access.userId());
        correlate(application.id(), MESSAGE_BREACH_REPORTED, variables, "La qualification n'est plus en cours");
        return view(applications.findById(application.id()).orElseThrow());
    }

    /** Only the national team reinstates a revoked qualification. */
    @Transactional
    public QualificationView reinstate(String siret, String comment, ApplicationAccess access) {
        national(access, "Seule l'équipe nationale réintègre une qualification révoquée");
        text("comment", comment);
        Application application = current(siret);
        if (application.status() != ApplicationStatus.REVOKED) {
            throw ProblemException.conflict(
                    "La qualification n'est pas révoquée (statut " + application.status() + ")");
        }
        Map<String, Object> variables = new HashMap<>();
        COMMENT.putInto(variables, comment);
        correlate(
                application.id(),
                MESSAGE_REINSTATEMENT_DECIDED,
                variables,
                "La qualification n'attend pas de réintégration");
        return view(applications.findById(application.id()).orElseThrow());
    }

    private QualificationView view(Application application) {
        Optional<ProcessInstance> instance = instance(application.id());
        boolean open = instance.map(i -> Boolean.TRUE.equals(variable(i, RENEWAL_OPEN.name())))
                        .orElse(false)
                && (application.status() == ApplicationStatus.QUALIFIED
                        || application.status() == ApplicationStatus.LAPSED);
        LocalDate takeUpUntil = application.status() == ApplicationStatus.LAPSED
                ? instance.map(i -> (Date) variable(i, GRACE_ENDS_AT.name()))
                        .map(date -> QualificationTerms.day(date).minusDays(1))
                        .orElse(null)
                : null;
        QualificationView.Revocation revocation = application.status() == ApplicationStatus.REVOKED
                ? store.revocation(application.id())
                        .map(r -> new QualificationView.Revocation(
                                r.reason(), reasons.words(r.reason()).orElse(r.reason()), r.comment()))
                        .orElse(null)
                : null;
        return QualificationView.of(
                application,
                store.validUntil(application.id()).orElse(null),
                open,
                takeUpUntil,
                revocation,
                applications.timeline(application.id()));
    }

    private Application readable(String siret, String token, ApplicationAccess access) {
        Application application = current(siret);
        boolean producer = token != null && holdsToken(application.id(), token);
        if (!producer && !access.mayRead(application)) {
            throw notFound();
        }
        return application;
    }

    private Application current(String siret) {
        if (siret == null || !SIRET_DIGITS.matcher(siret).matches()) {
            throw ProblemException.invalid("siret", "14 chiffres attendus");
        }
        return store.applicationOf(siret).flatMap(applications::findById).orElseThrow(QualificationService::notFound);
    }

    /** The tracking token of the application, or the renewal link's. */
    private boolean holdsToken(String applicationId, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return TrackingTokens.matches(
                        token, applications.tokenHash(applicationId).orElse(null))
                || TrackingTokens.matches(
                        token, store.renewalTokenHash(applicationId).orElse(null));
    }

    private Optional<ProcessInstance> instance(String applicationId) {
        return Optional.ofNullable(authority.callAnywhere(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(applicationId)
                .singleResult()));
    }

    private Object variable(ProcessInstance instance, String name) {
        return authority.callAnywhere(() -> runtime.getVariable(instance.getId(), name));
    }

    private void correlate(String applicationId, String message, Map<String, Object> variables, String conflict) {
        try {
            authority.runAnywhere(() -> runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(applicationId)
                    .setVariables(variables)
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw ProblemException.conflict(conflict);
        }
    }

    private String renewalClosed(Application application, Optional<ProcessInstance> instance) {
        if (instance.isEmpty()
                || !(application.status() == ApplicationStatus.QUALIFIED
                        || application.status() == ApplicationStatus.LAPSED)) {
            return "La qualification ne peut plus être renouvelée (statut " + application.status() + ")";
        }
        Object firstNotice = variable(instance.get(), FIRST_NOTICE_AT.name());
        return firstNotice instanceof Date date
                ? "Le renouvellement ouvre le " + LifecycleMails.DAY.format(QualificationTerms.day(date))
                : "Une confirmation de renouvellement est déjà en cours de traitement";
    }

    /**
     * A renewal that leaves no service of the national standard in any place would only end the qualification (the
     * eligibility table's knock-out): refused as a mistake, each place's services named, nothing changed.
     */
    private static void withSomeService(ApplicationRequest changed) {
        if (changed.places().stream()
                .allMatch(p -> p.services() == null || p.services().isEmpty())) {
            throw ProblemException.invalid(java.util.stream.IntStream.range(
                            0, changed.places().size())
                    .mapToObj(i -> FieldError.of(
                            "places[" + i + "].services",
                            "au moins un service du référentiel national ; sans aucun, la qualification prendrait fin"))
                    .toList());
        }
    }

    private static void national(ApplicationAccess access, String message) {
        if (!access.isNational()) {
            throw ProblemException.forbidden(message);
        }
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, MAX_TEXT + " caractères au plus");
        }
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw ProblemException.invalid(field, "caractères de contrôle interdits");
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Qualification introuvable");
    }
}
