package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.REVIEW_GROUP;

import fr.aptic.qualification.security.InstanceAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the review tasks ({@code Task_ReviewApplication}, {@code Task_AttestMember}): as its task
 * is created, the application is under review by its routed group, which from now on sees the application's
 * process instance and its history (and no other).
 */
@Component
class OpenReviewListener implements TaskListener {

    private final ApplicationLifecycle lifecycle;
    private final InstanceAccess instanceAccess;

    OpenReviewListener(ApplicationLifecycle lifecycle, InstanceAccess instanceAccess) {
        this.lifecycle = lifecycle;
        this.instanceAccess = instanceAccess;
    }

    @Override
    public void notify(DelegateTask task) {
        open(task.getExecution());
    }

    /** The application goes under review by its routed group, which sees its instance and its history. */
    void open(DelegateExecution execution) {
        String reviewGroup = REVIEW_GROUP.get(execution);
        instanceAccess.grantRead(execution, reviewGroup);
        lifecycle.underReview(APPLICATION_ID.get(execution), reviewGroup);
    }
}
