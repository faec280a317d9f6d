package fr.aptic.qualification.simulation;

import fr.aptic.qualification.eligibility.AssessmentService.Assessment;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;

/** The two decisions of an assessment, {@code eligibility} and {@code charter-compliance}, as one judge. */
record DecisionPair(DmnDecision eligibility, DmnDecision charter) {

    /** The assessment these decisions give for the inputs, combined as the process combines them. */
    Assessment assess(DmnEngine engine, Map<String, Object> inputs) {
        return Assessment.of(single(engine, eligibility, inputs), single(engine, charter, inputs));
    }

    private static Map<String, Object> single(DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
        DmnDecisionResult result = engine.evaluateDecision(decision, inputs);
        if (result.isEmpty()) {
            throw new IllegalStateException("décision " + decision.getKey() + " : aucune règle ne s'applique");
        }
        if (result.size() > 1) {
            throw new IllegalStateException(
                    "décision " + decision.getKey() + " : " + result.size() + " résultats au lieu d'un");
        }
        DmnDecisionResultEntries entries = result.get(0);
        return entries.getEntryMap();
    }
}
