package fr.aptic.qualification.territory;

import fr.aptic.qualification.eligibility.EligibilityAssessmentProcess;
import fr.aptic.qualification.engine.SystemDecisions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * Evaluates the decisions the territorial path reads ({@code territorial-need}, {@code hub-routing}) on the
 * system's behalf: the caller (a hub reviewer reading the ratio, a reviewer completing a task) was already
 * allowed in, and needs no permission on decision definitions. Thresholds stay in {@code dmn/}.
 */
@Component
class TerritorialDecisions {

    static final String NEED_DECISION = "territorial-need";

    private final SystemDecisions decisions;

    TerritorialDecisions(SystemDecisions decisions) {
        this.decisions = decisions;
    }

    /** What {@code territorial-need} says of a territory. {@code incomePerPlaceEuros} is null without places. */
    record Need(
            Double incomePerPlaceEuros, String status, int placesToRecruit, int targetMinEuros, int targetMaxEuros) {}

    Need need(double injectedValueEuros, int qualifiedPlaces) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("injectedValueEuros", injectedValueEuros);
        inputs.put("qualifiedPlaces", qualifiedPlaces);
        DmnDecisionResultEntries result = evaluate(NEED_DECISION, inputs).getSingleResult();
        if (result == null) {
            throw new IllegalStateException(NEED_DECISION + " matched no rule for " + inputs);
        }
        Number income = result.getEntry("incomePerPlaceEuros");
        return new Need(
                income == null ? null : income.doubleValue(),
                result.getEntry("status"),
                ((Number) result.getEntry("placesToRecruit")).intValue(),
                ((Number) result.getEntry("targetMinEuros")).intValue(),
                ((Number) result.getEntry("targetMaxEuros")).intValue());
    }

    /** The hub valid on that day for the département, as {@code hub-routing} routes applications. */
    Optional<String> hubOf(String departement, LocalDate day) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("departement", departement);
        inputs.put("routingDate", day.toString());
        DmnDecisionResultEntries result = evaluate(EligibilityAssessmentProcess.HUB_ROUTING_DECISION, inputs)
                .getSingleResult();
        return result == null ? Optional.empty() : Optional.ofNullable(result.getEntry("hubId"));
    }

    private DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
        return decisions.evaluate(key, inputs);
    }
}
