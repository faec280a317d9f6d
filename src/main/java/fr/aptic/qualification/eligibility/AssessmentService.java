package fr.aptic.qualification.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.reference.Territories;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Service;

/**
 * Assesses a stored application: evaluates {@code eligibility} and {@code charter-compliance} on its facts
 * and records score, eligibility and reasons. Decisions are evaluated on the system's behalf, whoever's
 * action led here (an applicant's complements, a reviewer's completion).
 */
@Service
public class AssessmentService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ApplicationRepository applications;
    private final ApplicationLifecycle lifecycle;
    private final DecisionService decisions;
    private final ObjectMapper objectMapper;
    private final Territories territories = Territories.defaults();

    AssessmentService(
            ApplicationRepository applications,
            ApplicationLifecycle lifecycle,
            DecisionService decisions,
            ObjectMapper objectMapper) {
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
    }

    /** The outcome of both decisions, as the process and the timeline need it. */
    public record Assessment(boolean eligible, int score, List<String> reasons) {}

    public ApplicationRequest request(String applicationId) {
        String body = applications
                .body(applicationId)
                .orElseThrow(() -> new IllegalStateException("No application " + applicationId));
        try {
            return objectMapper.readValue(body, ApplicationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored application " + applicationId + " is unreadable", e);
        }
    }

    public String networkOf(String applicationId) {
        return applications.findById(applicationId).map(a -> a.networkId()).orElse(null);
    }

    public String departementOf(ApplicationRequest request) {
        return AssessmentInputs.departementOfFirstPlace(request, territories);
    }

    public Assessment assess(String applicationId, ApplicationRequest request) {
        Map<String, Object> inputs = AssessmentInputs.of(request, LocalDate.now(PARIS), territories);
        DmnDecisionResult eligibility = evaluate(EligibilityAssessmentProcess.ELIGIBILITY_DECISION, inputs);
        DmnDecisionResult charter = evaluate(EligibilityAssessmentProcess.CHARTER_DECISION, inputs);
        Map<String, Object> eligibilityResult = eligibility.getSingleResult().getEntryMap();
        Map<String, Object> charterResult = charter.getSingleResult().getEntryMap();
        List<String> reasons = new ArrayList<>(strings(eligibilityResult.get("reasons")));
        reasons.addAll(strings(charterResult.get("refusedCommitments")));
        boolean eligible = Boolean.TRUE.equals(eligibilityResult.get("eligible"))
                && Boolean.TRUE.equals(charterResult.get("compliant"));
        int score = ((Number) eligibilityResult.get("score")).intValue();
        applications.recordAssessment(applicationId, eligible, score, reasons);
        lifecycle.event(
                applicationId,
                "ASSESSED",
                (eligible ? "Éligible" : "Inéligible") + ", score " + score
                        + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"));
        return new Assessment(eligible, score, List.copyOf(reasons));
    }

    public void recordRouting(String applicationId, String departement, String reviewGroup) {
        applications.recordRouting(applicationId, departement, reviewGroup);
    }

    private DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return decisions.evaluateDecisionByKey(key).variables(inputs).evaluate();
        }
        return context.runWithoutAuthorization(
                () -> decisions.evaluateDecisionByKey(key).variables(inputs).evaluate());
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
