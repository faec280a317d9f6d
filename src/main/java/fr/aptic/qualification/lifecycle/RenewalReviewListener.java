package fr.aptic.qualification.lifecycle;

import static fr.aptic.qualification.lifecycle.QualificationLifecycleProcess.APPLICATION_ID;

import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.engine.TaskDecision;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates the hub's answer when {@code Task_ReviewRenewal} completes, from Tasklist or the REST API:
 * {@code decision} APPROVE or REJECT, a reason for a refusal (400 otherwise, the task stays open).
 */
@Component
class RenewalReviewListener implements TaskListener {

    private final ApplicationLifecycle lifecycle;

    RenewalReviewListener(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskDecision decision =
                TaskDecision.read(task, Set.of("APPROVE", "REJECT"), Set.of("REJECT"), "motif obligatoire pour REJECT");
        lifecycle.event(
                APPLICATION_ID.get(task.getExecution()), "RENEWAL_REVIEW_" + decision.decision(), decision.detail());
    }
}
