package fr.aptic.qualification.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.notification.ApplicantMails;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits applications and answers applicants: one transaction stores the application, its places and
 * timeline, queues the acknowledgement and starts the process, so a refused request leaves nothing behind.
 */
@Service
public class ApplicationService {

    private final ApplicationRepository applications;
    private final ApplicationValidator validator;
    private final ApplicantMails mails;
    private final RuntimeService runtimeService;
    private final SystemAuthority authority;
    private final ObjectMapper objectMapper;
    private final BankDetailsStep bankDetails;
    private final Territories territories = Territories.defaults();

    ApplicationService(
            ApplicationRepository applications,
            ApplicationValidator validator,
            ApplicantMails mails,
            RuntimeService runtimeService,
            SystemAuthority authority,
            ObjectMapper objectMapper,
            BankDetailsStep bankDetails) {
        this.applications = applications;
        this.validator = validator;
        this.mails = mails;
        this.runtimeService = runtimeService;
        this.authority = authority;
        this.objectMapper = objectMapper;
        this.bankDetails = bankDetails;
    }

    /** Where an application comes from: its path and, for campaigns and networks, their ids. */
    public record Origin(QualificationPath path, String campaignId, String networkId, String batchId) {
        public static Origin free() {
            return new Origin(QualificationPath.FREE, null, null, null);
        }
    }

    /** What the applicant gets back once: the id and the tracking token (never stored in clear). */
    public record Submitted(String applicationId, String trackingToken, ApplicationStatus status) {}

    @Transactional
    public Submitted submit(ApplicationRequest request, Origin origin) {
        ApplicationValidator.Checked checked = validator.check(request);
        if (!checked.isValid()) {
            throw ProblemException.invalid(checked.errors());
        }
        Submitted submitted = store(checked.request(), origin);
        start(submitted.applicationId(), origin);
        return submitted;
    }

    /**
     * Stores a validated application without starting its process (bulk submissions start theirs in the
     * background). Refuses with 409 when the SIRET already has an open application or a qualification.
     */
    @Transactional
    public Submitted store(ApplicationRequest request, Origin origin) {
        String id = UUID.randomUUID().toString();
        String token = TrackingTokens.issue();
        List<String> departements = departements(request);
        try {
            applications.insert(newApplication(id, token, request, departements, origin, Instant.now()));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict(
                    "Le SIRET " + request.siret() + " a déjà une demande en cours ou une qualification en vigueur");
        }
        applications.insertPlaces(id, request.places(), departements);
        // The applicant submits in person; a network's batch is submitted by the partner's user (if any).
        String actor = authority
                .currentUser()
                .orElse(origin.path() == QualificationPath.NETWORK ? null : SystemAuthority.APPLICANT);
        applications.addEvent(id, "SUBMITTED", "Parcours " + origin.path(), actor);
        if (origin.path() != QualificationPath.NETWORK) {
            mails.submitted(
                    request.contact().email(), id, token, request.organisation().name());
        }
        return new Submitted(id, token, ApplicationStatus.SUBMITTED);
    }

    /**
     * Stores validated applications in bulk, without mails or processes: a network batch stores its members
     * chunk by chunk and starts their processes in the background. The caller has checked that no SIRET is
     * taken ({@link ApplicationRepository#activeSirets}); a taken one fails the whole call. The tracking tokens
     * are never handed out: network members follow their application through their network.
     *
     * @return the new applications' ids, in the order of the requests
     */
    @Transactional
    public List<String> storeAll(List<ApplicationRequest> requests, Origin origin) {
        Instant now = Instant.now();
        List<String> ids = new java.util.ArrayList<>(requests.size());
        List<ApplicationRepository.NewApplicationWithPlaces> rows = new java.util.ArrayList<>(requests.size());
        for (ApplicationRequest request : requests) {
            String id = UUID.randomUUID().toString();
            List<String> departements = departements(request);
            rows.add(new ApplicationRepository.NewApplicationWithPlaces(
                    newApplication(id, TrackingTokens.issue(), request, departements, origin, now),
                    request.places(),
                    departements));
            ids.add(id);
        }
        // Who posted the batch (a network's user, the national team), when it is stored while they wait.
        applications.insertAll(
                rows,
                "SUBMITTED",
                "Parcours " + origin.path(),
                authority.currentUser().orElse(null));
        return ids;
    }

    /** Each place's département, in the places' order. */
    private List<String> departements(ApplicationRequest request) {
        return request.places().stream()
                .map(place -> territories.departementOfPlace(place.inseeCode(), place.postalCode()))
                .toList();
    }

    /** The row of a new application: its first place's département is the application's. */
    private ApplicationRepository.NewApplication newApplication(
            String id, String token, ApplicationRequest request, List<String> departements, Origin origin, Instant at) {
        return new ApplicationRepository.NewApplication(
                id,
                request.siret(),
                origin.path(),
                TrackingTokens.hash(token),
                request.organisation().name(),
                request.contact().email(),
                departements.get(0),
                origin.campaignId(),
                origin.networkId(),
                origin.batchId(),
                json(request),
                at);
    }

    /** Starts the free path's process for a stored application (business key = application id). */
    public ProcessInstance start(String applicationId, Origin origin) {
        Map<String, Object> variables = new HashMap<>();
        FreeQualificationProcess.APPLICATION_ID.putInto(variables, applicationId);
        FreeQualificationProcess.PATH.putInto(variables, origin.path().name());
        return authority.call(
                () -> runtimeService.startProcessInstanceByKey(FreeQualificationProcess.KEY, applicationId, variables));
    }

    /** The application for its applicant (token) or for staff entitled to it; 404 otherwise, whether it exists or not. */
    @Transactional(readOnly = true)
    public ApplicationView view(String applicationId, String token, ApplicationAccess access) {
        Application application = authorised(applicationId, token, access);
        return ApplicationView.of(application, applications.timeline(applicationId));
    }

    /** The applicant's answer to a change request (or missing bank details): any subset of the application. */
    @Transactional
    public ApplicationView complements(String applicationId, String token, JsonNode patch, ApplicationAccess access) {
        Application application = authorised(applicationId, token, access);
        boolean awaitingBank =
                application.status() == ApplicationStatus.CONTRACTING && bankDetails.awaits(applicationId);
        if (application.status() != ApplicationStatus.CHANGES_REQUESTED && !awaitingBank) {
            throw ProblemException.conflict(
                    "La demande n'attend pas de compléments (statut " + application.status() + ")");
        }
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw ProblemException.invalid("", "un objet JSON avec au moins un champ de la demande est attendu");
        }
        // The SIRET is who applies: changing it would slip another organisation past the one-application rule.
        if (patch.has("siret") && !patch.get("siret").asText().equals(application.siret())) {
            throw ProblemException.invalid("siret", "le SIRET d'une demande ne peut pas être modifié");
        }
        ApplicationRequest merged = merge(applicationId, (ObjectNode) patch);
        if (awaitingBank) {
            List<FieldError> errors = validator.validateBank(merged.bank());
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        } else {
            ApplicationValidator.Checked checked = validator.check(merged);
            if (!checked.isValid()) {
                throw ProblemException.invalid(checked.errors());
            }
            merged = checked.request();
        }
        List<String> departements = departements(merged);
        applications.updateBody(
                applicationId,
                json(merged),
                merged.organisation().name(),
                merged.contact().email(),
                departements.get(0));
        applications.deletePlaces(applicationId);
        applications.insertPlaces(applicationId, merged.places(), departements);
        applications.addEvent(
                applicationId, "COMPLEMENTS_RECEIVED", String.join(", ", fieldNames(patch)), SystemAuthority.APPLICANT);
        String message = awaitingBank ? bankDetails.message() : FreeQualificationProcess.MESSAGE_COMPLEMENTS;
        authority.runOnBehalfOf(
                SystemAuthority.APPLICANT,
                () -> runtimeService
                        .createMessageCorrelation(message)
                        .processInstanceBusinessKey(applicationId)
                        .correlate());
        return ApplicationView.of(
                applications.findById(applicationId).orElseThrow(), applications.timeline(applicationId));
    }

    /**
     * The applicant's answer to a change request as a whole application (the form's): the fields it leaves empty
     * keep their stored values.
     */
    @Transactional
    public ApplicationView complements(String applicationId, String token, ApplicationRequest answer) {
        ObjectNode patch = objectMapper.valueToTree(answer);
        List<String> empty = new java.util.ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (patch.get(name).isNull()) {
                empty.add(name);
            }
        });
        patch.remove(empty);
        return complements(applicationId, token, patch, ApplicationAccess.ANONYMOUS);
    }

    /** The application as stored, for its applicant to complete; its bank details are left out. */
    @Transactional(readOnly = true)
    public ApplicationRequest stored(String applicationId, String token) {
        authorised(applicationId, token, ApplicationAccess.ANONYMOUS);
        try {
            ApplicationRequest stored =
                    objectMapper.readValue(applications.body(applicationId).orElseThrow(), ApplicationRequest.class);
            return new ApplicationRequest(
                    stored.siret(),
                    stored.organisation(),
                    stored.contact(),
                    stored.legalRepresentative(),
                    stored.places(),
                    stored.quality(),
                    stored.charter(),
                    stored.termsAccepted(),
                    null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored application always reads", e);
        }
    }

    /** Whether the contract step waits for the applicant's bank details. */
    @Transactional(readOnly = true)
    public boolean awaitsBankDetails(String applicationId, String token) {
        Application application = authorised(applicationId, token, ApplicationAccess.ANONYMOUS);
        return application.status() == ApplicationStatus.CONTRACTING && bankDetails.awaits(applicationId);
    }

    @Transactional
    public ApplicationView withdraw(String applicationId, String token, ApplicationAccess access) {
        Application application = authorised(applicationId, token, access);
        if (application.status().isFinal()) {
            throw ProblemException.conflict("La demande est close (statut " + application.status() + ")");
        }
        authority.runOnBehalfOf(
                SystemAuthority.APPLICANT,
                () -> runtimeService
                        .createMessageCorrelation(FreeQualificationProcess.MESSAGE_WITHDRAWAL)
                        .processInstanceBusinessKey(applicationId)
                        .correlateWithResult());
        return ApplicationView.of(
                applications.findById(applicationId).orElseThrow(), applications.timeline(applicationId));
    }

    /** The application as stored (bank details included), for the capabilities that compare it with a change. */
    @Transactional(readOnly = true)
    public ApplicationRequest storedRequest(String applicationId) {
        try {
            return objectMapper.readValue(applications.body(applicationId).orElseThrow(), ApplicationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored application always reads", e);
        }
    }

    /**
     * The stored application with a change applied (any subset of its fields), checked as a submission is: 400
     * naming each wrong field, and nothing stored. The SIRET cannot change.
     */
    @Transactional(readOnly = true)
    public ApplicationRequest changed(String applicationId, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("", "un objet JSON est attendu (vide pour confirmer sans changement)");
        }
        Application application = applications.findById(applicationId).orElseThrow(ApplicationService::notFound);
        if (patch.has("siret") && !patch.get("siret").asText().equals(application.siret())) {
            throw ProblemException.invalid("siret", "le SIRET d'une demande ne peut pas être modifié");
        }
        ApplicationValidator.Checked checked = validator.check(merge(applicationId, (ObjectNode) patch));
        if (!checked.isValid()) {
            throw ProblemException.invalid(checked.errors());
        }
        return checked.request();
    }

    /**
     * Stores a changed application; its places are written anew, on the map or not as {@code published} says
     * (places without the applicant's pin go to the geocoder).
     */
    @Transactional
    public void storeChange(String applicationId, ApplicationRequest changed, boolean published, String event) {
        List<String> departements = departements(changed);
        applications.updateBody(
                applicationId,
                json(changed),
                changed.organisation().name(),
                changed.contact().email(),
                departements.get(0));
        applications.deletePlaces(applicationId);
        applications.insertPlaces(applicationId, changed.places(), departements);
        applications.publishPlaces(applicationId, published);
        applications.addEvent(
                applicationId, event, null, authority.currentUser().orElse(null));
    }

    private Application authorised(String applicationId, String token, ApplicationAccess access) {
        Application application = applications.findById(applicationId).orElseThrow(ApplicationService::notFound);
        boolean applicant = token != null
                && TrackingTokens.matches(
                        token, applications.tokenHash(applicationId).orElse(null));
        if (!applicant && !access.mayRead(application)) {
            throw notFound();
        }
        return application;
    }

    private ApplicationRequest merge(String applicationId, ObjectNode patch) {
        try {
            ObjectNode stored = (ObjectNode)
                    objectMapper.readTree(applications.body(applicationId).orElseThrow());
            stored.setAll(patch);
            return objectMapper.treeToValue(stored, ApplicationRequest.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.unreadable(e);
        }
    }

    private static List<String> fieldNames(JsonNode patch) {
        List<String> names = new java.util.ArrayList<>();
        patch.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String json(ApplicationRequest request) {
        try {
            return objectMapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Demande introuvable");
    }
}
