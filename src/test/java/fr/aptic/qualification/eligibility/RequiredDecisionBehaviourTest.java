package fr.aptic.qualification.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;

/**
 * Pins down how Camunda 7 hands a required decision's result to the decision that requires it, and shows the tables
 * of {@code dmn/} are built so that it cannot mislead them.
 */
class RequiredDecisionBehaviourTest {

    private static final DmnEngine ENGINE = DecisionEngines.create();
    private static final DecisionModels MODELS = DecisionModels.load(ENGINE);
    private static final Map<String, DmnDecision> BEHAVIOUR = behaviourDecisions();

    @Test
    void handsOverACollectResultAsAListEvenForASingleMatch() {
        assertThat(seen("seen-codes", Map.of("number", 1))).isEqualTo(List.of("POSITIVE"));
    }

    @Test
    void handsOverACollectSumResultAsASingleValue() {
        assertThat(seen("seen-points", Map.of("number", 1))).isEqualTo(5);
    }

    @Test
    void addsNothingWhenNoRuleMatchesSoTheNameIsUnknown() {
        assertThat(seen("seen-codes", Map.of("number", 0))).isNull();
        assertThat(seen("seen-points", Map.of("number", 0))).isNull();
    }

    @Test
    void letsACallerVariableOfTheSameNameShowThroughWhenNoRuleMatches() {
        assertThat(seen("seen-codes", Map.of("number", 0, "codes", "STALE"))).isEqualTo("STALE");
        assertThat(seen("seen-points", Map.of("number", 0, "points", 99))).isEqualTo(99);
    }

    @Test
    void eligibilityIgnoresCallerVariablesNamedLikeItsRequiredDecisionsOutputs() {
        Map<String, Object> variables = new HashMap<>(Applicants.typicalFreeApplicant());
        variables.put("knockouts", List.of("SIRET_INVALID"));
        variables.put("scorePoints", 0);
        variables.put("eligibilityThreshold", 100);

        DmnDecisionResultEntries result = ENGINE.evaluateDecision(MODELS.decision("eligibility"), variables)
                .getSingleResult();

        assertThat(result.<Boolean>getEntry("eligible")).isTrue();
        assertThat(result.<Integer>getEntry("score")).isEqualTo(85);
        assertThat(result.<List<?>>getEntry("reasons")).isEmpty();
    }

    @Test
    void charterComplianceIgnoresACallerVariableNamedLikeItsRefusals() {
        Map<String, Object> variables = Map.of(
                "charterVersion", "V2",
                "acceptedCommitments",
                        List.of(
                                "ZERO_REMAINING_COST",
                                "PRIORITY_PUBLICS",
                                "NEUTRALITY",
                                "DATA_PROTECTION",
                                "QUALITY_APPROACH",
                                "UP_TO_DATE_CATALOGUE",
                                "TERRITORIAL_COOPERATION"),
                "charterRefusals", List.of("NEUTRALITY"));

        DmnDecisionResultEntries result = ENGINE.evaluateDecision(MODELS.decision("charter-compliance"), variables)
                .getSingleResult();

        assertThat(result.<Boolean>getEntry("compliant")).isTrue();
        assertThat(result.<List<?>>getEntry("refusedCommitments")).isEmpty();
    }

    private static Object seen(String decisionKey, Map<String, Object> variables) {
        return ENGINE.evaluateDecision(BEHAVIOUR.get(decisionKey), variables).getSingleEntry();
    }

    private static Map<String, DmnDecision> behaviourDecisions() {
        try (InputStream in = RequiredDecisionBehaviourTest.class.getResourceAsStream(
                "/eligibility/required-decision-behaviour.dmn")) {
            return ENGINE.parseDecisions(in).stream().collect(Collectors.toMap(DmnDecision::getKey, d -> d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
