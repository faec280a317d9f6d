package fr.aptic.qualification.eligibility;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.DEPARTEMENT;
import static fr.aptic.qualification.application.FreeQualificationProcess.REVIEW_GROUP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordAssessment}: stores the routed département and review group with the application. */
@Component
class RecordAssessmentDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    RecordAssessmentDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.recordRouting(
                APPLICATION_ID.get(execution), DEPARTEMENT.find(execution).orElse(null), REVIEW_GROUP.get(execution));
    }
}
