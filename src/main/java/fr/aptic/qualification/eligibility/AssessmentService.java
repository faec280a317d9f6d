package fr.aptic.qualification.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.engine.SystemDecisions;
import fr.aptic.qualification.reference.Territories;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Service;

/**
 * Assesses a stored application: evaluates {@code eligibility} and {@code charter-compliance} on its facts
 * and records score, eligibility, reasons and routing. Decisions are evaluated on the system's behalf, whoever's
 * action led here (an applicant's complements, a reviewer's completion).
 */
@Service
public class AssessmentService {

    /** The zone in which application and routing dates are read. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ApplicationRepository applications;
    private final ApplicationLifecycle lifecycle;
    private final SystemDecisions decisions;
    private final ObjectMapper objectMapper;
    private final Territories territories = Territories.defaults();

    AssessmentService(
            ApplicationRepository applications,
            ApplicationLifecycle lifecycle,
            SystemDecisions decisions,
            ObjectMapper objectMapper) {
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
    }

    /** The outcome of both decisions, as the process and the timeline need it. */
    public record Assessment(boolean eligible, int score, List<String> reasons) {

        /**
         * Combines the outputs of {@code eligibility} and {@code charter-compliance}: eligible when both say so,
         * the eligibility reasons followed by the refused commitments. The one place that says how, so a
         * simulation judges candidates exactly as the process does.
         */
        public static Assessment of(Map<String, Object> eligibility, Map<String, Object> charter) {
            List<String> reasons = new ArrayList<>(strings(eligibility.get("reasons")));
            reasons.addAll(strings(charter.get("refusedCommitments")));
            boolean eligible =
                    Boolean.TRUE.equals(eligibility.get("eligible")) && Boolean.TRUE.equals(charter.get("compliant"));
            Object score = eligibility.get("score");
            if (!(score instanceof Number number)) {
                throw new IllegalStateException("decision eligibility gave no numeric score: " + score);
            }
            return new Assessment(eligible, number.intValue(), List.copyOf(reasons));
        }

        /** An assessment as the process carries it between its steps: its reasons as {@link #reasonsText}. */
        public static Assessment of(boolean eligible, int score, String reasonsText) {
            List<String> reasons =
                    reasonsText == null || reasonsText.isBlank() ? List.of() : List.of(reasonsText.split(",\\s*"));
            return new Assessment(eligible, score, reasons);
        }

        /** The reasons as the process variable {@code reasonsText} holds them: codes joined by ", ". */
        public String reasonsText() {
            return String.join(", ", reasons);
        }
    }

    public ApplicationRequest request(String applicationId) {
        return parse(
                applicationId,
                applications
                        .body(applicationId)
                        .orElseThrow(() -> new IllegalStateException("No application " + applicationId)));
    }

    private ApplicationRequest parse(String applicationId, String body) {
        try {
            return objectMapper.readValue(body, ApplicationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored application " + applicationId + " is unreadable", e);
        }
    }

    /** A stored application as an assessment starts from: what was submitted, and the network that submitted it. */
    public record Stored(ApplicationRequest request, String networkId) {}

    /** The stored application and its network, read (and parsed) once per assessment. */
    public Stored stored(String applicationId) {
        ApplicationRepository.StoredBody stored = applications
                .bodyAndNetwork(applicationId)
                .orElseThrow(() -> new IllegalStateException("No application " + applicationId));
        return new Stored(parse(applicationId, stored.body()), stored.networkId());
    }

    public String departementOf(ApplicationRequest request) {
        return AssessmentInputs.departementOfFirstPlace(request, territories);
    }

    /** Evaluates both decisions on the application's facts; {@link #record} stores the outcome. */
    public Assessment assess(ApplicationRequest request) {
        Map<String, Object> inputs = AssessmentInputs.of(request, LocalDate.now(PARIS), territories);
        DmnDecisionResult eligibility = evaluate(EligibilityAssessmentProcess.ELIGIBILITY_DECISION, inputs);
        DmnDecisionResult charter = evaluate(EligibilityAssessmentProcess.CHARTER_DECISION, inputs);
        return Assessment.of(
                eligibility.getSingleResult().getEntryMap(),
                charter.getSingleResult().getEntryMap());
    }

    /**
     * Stores an assessment with the application, with its routing (the département, when one was found, and the
     * review group) in the same update, and its timeline event {@code ASSESSED}.
     */
    public void record(String applicationId, Assessment assessment, String departement, String reviewGroup) {
        List<String> reasons = assessment.reasons();
        applications.recordAssessment(
                applicationId, assessment.eligible(), assessment.score(), reasons, departement, reviewGroup);
        lifecycle.event(
                applicationId,
                "ASSESSED",
                (assessment.eligible() ? "Éligible" : "Inéligible") + ", score " + assessment.score()
                        + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"));
    }

    private DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
        return decisions.evaluate(key, inputs);
    }

    private static List<String> strings(Object value) {
        if (value instanceof Iterable<?> items) {
            List<String> list = new ArrayList<>();
            items.forEach(item -> list.add(String.valueOf(item)));
            return list;
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
