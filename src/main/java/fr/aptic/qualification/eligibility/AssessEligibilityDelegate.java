package fr.aptic.qualification.eligibility;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.ELIGIBLE;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASONS_TEXT;
import static fr.aptic.qualification.application.FreeQualificationProcess.SCORE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code BusinessRuleTask_Eligibility}: evaluates {@code eligibility} and {@code charter-compliance}. The
 * decisions take lists (accepted commitments) that process variables cannot hold without a serializer, so
 * they are evaluated here on in-memory inputs; the tables themselves stay in {@code dmn/}.
 */
@Component
class AssessEligibilityDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    AssessEligibilityDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssessmentService.Assessment assessment =
                assessments.assess(assessments.prepared(APPLICATION_ID.get(execution)));
        ELIGIBLE.set(execution, assessment.eligible());
        SCORE.set(execution, assessment.score());
        REASONS_TEXT.set(execution, String.join(", ", assessment.reasons()));
    }
}
