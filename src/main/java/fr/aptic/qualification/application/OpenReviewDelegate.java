package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.REVIEW_GROUP;

import fr.aptic.qualification.system.InstanceAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_OpenReview}: the application goes to its routed review group, which from now on sees
 * the application's process instance and its history (and no other).
 */
@Component
class OpenReviewDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;
    private final InstanceAccess instanceAccess;

    OpenReviewDelegate(ApplicationLifecycle lifecycle, InstanceAccess instanceAccess) {
        this.lifecycle = lifecycle;
        this.instanceAccess = instanceAccess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewGroup = REVIEW_GROUP.get(execution);
        instanceAccess.grantRead(execution, reviewGroup);
        lifecycle.underReview(APPLICATION_ID.get(execution), reviewGroup);
    }
}
