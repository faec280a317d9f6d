package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.REVIEW_GROUP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_OpenReview}: the application goes to its routed review group. */
@Component
class OpenReviewDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    OpenReviewDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.underReview(APPLICATION_ID.get(execution), REVIEW_GROUP.get(execution));
    }
}
