package fr.aptic.qualification.eligibility;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.DEPARTEMENT;
import static fr.aptic.qualification.application.FreeQualificationProcess.ELIGIBLE;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASONS_TEXT;
import static fr.aptic.qualification.application.FreeQualificationProcess.REVIEW_GROUP;
import static fr.aptic.qualification.application.FreeQualificationProcess.SCORE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordAssessment}: stores the assessment (eligibility, score, reasons) with the routed
 * département and review group, in one update of the application, and its timeline event.
 */
@Component
class RecordAssessmentDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    RecordAssessmentDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.record(
                APPLICATION_ID.get(execution),
                AssessmentService.Assessment.of(
                        ELIGIBLE.get(execution),
                        SCORE.get(execution),
                        REASONS_TEXT.find(execution).orElse(null)),
                DEPARTEMENT.find(execution).orElse(null),
                REVIEW_GROUP.get(execution));
    }
}
