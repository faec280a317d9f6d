package fr.aptic.qualification.territory;

import fr.aptic.qualification.decisions.FastFeel;
import fr.aptic.qualification.eligibility.EligibilityAssessmentProcess;
import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.engine.SystemDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
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
    private final RepositoryService repository;
    private final SystemAuthority authority;
    // Overviews evaluate without the process engine: its DMN engine records a history entry per evaluation.
    private final DmnEngine unrecorded = FastFeel.dmnEngine();
    // Deployed versions never change: parse each once.
    private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();

    TerritorialDecisions(SystemDecisions decisions, RepositoryService repository, SystemAuthority authority) {
        this.decisions = decisions;
        this.repository = repository;
        this.authority = authority;
    }

    /** What {@code territorial-need} says of a territory. {@code incomePerPlaceEuros} is null without places. */
    record Need(
            Double incomePerPlaceEuros, String status, int placesToRecruit, int targetMinEuros, int targetMaxEuros) {}

    Need need(double injectedValueEuros, int qualifiedPlaces) {
        return need(injectedValueEuros, qualifiedPlaces, this::evaluate);
    }

    private static Need need(
            double injectedValueEuros,
            int qualifiedPlaces,
            BiFunction<String, Map<String, Object>, DmnDecisionResult> evaluate) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("injectedValueEuros", injectedValueEuros);
        inputs.put("qualifiedPlaces", qualifiedPlaces);
        DmnDecisionResultEntries result = evaluate.apply(NEED_DECISION, inputs).getSingleResult();
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
        return hubOf(departement, day, this::evaluate);
    }

    private static Optional<String> hubOf(
            String departement, LocalDate day, BiFunction<String, Map<String, Object>, DmnDecisionResult> evaluate) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("departement", departement);
        inputs.put("routingDate", day.toString());
        DmnDecisionResultEntries result = evaluate.apply(EligibilityAssessmentProcess.HUB_ROUTING_DECISION, inputs)
                .getSingleResult();
        return result == null ? Optional.empty() : Optional.ofNullable(result.getEntry("hubId"));
    }

    /**
     * The same two decisions, at the versions deployed now, evaluated without recording history: for an overview
     * that judges every territory at each look (the steering page), where the engine would write a decision
     * instance per territory and per look into the history process owners read in Cockpit. Same tables, same
     * FEEL as the engine's; the versions are looked up once per overview.
     */
    Unrecorded unrecorded() {
        Map<String, DmnDecision> latest = new HashMap<>();
        Function<String, DmnDecision> decision = key -> latest.computeIfAbsent(key, this::latestDeployed);
        return new Unrecorded((key, inputs) -> unrecorded.evaluateDecision(decision.apply(key), inputs));
    }

    /** Decisions of one overview, each evaluated once per distinct input. */
    static final class Unrecorded {
        private final BiFunction<String, Map<String, Object>, DmnDecisionResult> evaluate;
        private final Map<String, Need> needs = new HashMap<>();
        private final Map<String, Optional<String>> hubs = new HashMap<>();

        private Unrecorded(BiFunction<String, Map<String, Object>, DmnDecisionResult> evaluate) {
            this.evaluate = evaluate;
        }

        Need need(double injectedValueEuros, int qualifiedPlaces) {
            return needs.computeIfAbsent(
                    injectedValueEuros + "/" + qualifiedPlaces,
                    k -> TerritorialDecisions.need(injectedValueEuros, qualifiedPlaces, evaluate));
        }

        Optional<String> hubOf(String departement, LocalDate day) {
            return hubs.computeIfAbsent(
                    departement + "/" + day, k -> TerritorialDecisions.hubOf(departement, day, evaluate));
        }
    }

    private DmnDecision latestDeployed(String key) {
        DecisionDefinition definition = authority.call(() -> repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .latestVersion()
                .singleResult());
        if (definition == null) {
            throw new IllegalStateException("No deployed decision " + key);
        }
        return parsedById.computeIfAbsent(
                definition.getId(),
                id -> authority.call(() -> {
                    try (InputStream model = repository.getDecisionModel(id)) {
                        return unrecorded.parseDecision(key, model);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
        return decisions.evaluate(key, inputs);
    }
}
