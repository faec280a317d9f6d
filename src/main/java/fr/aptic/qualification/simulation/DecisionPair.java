package fr.aptic.qualification.simulation;

import fr.aptic.qualification.eligibility.AssessmentService.Assessment;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * The two decisions of an assessment, {@code eligibility} and {@code charter-compliance}, as one judge; each
 * evaluated once per distinct combination of the variables it reads ({@link MemoizedDecision}).
 */
final class DecisionPair {

    private final MemoizedDecision eligibility;
    private final MemoizedDecision charter;

    DecisionPair(DmnDecision eligibility, DmnDecision charter) {
        this.eligibility = new MemoizedDecision(eligibility);
        this.charter = new MemoizedDecision(charter);
    }

    /** The assessment these decisions give for the inputs, combined as the process combines them. */
    Assessment assess(DmnEngine engine, Map<String, Object> inputs) {
        return Assessment.of(eligibility.evaluate(engine, inputs), charter.evaluate(engine, inputs));
    }
}
