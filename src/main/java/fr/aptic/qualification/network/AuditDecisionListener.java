package fr.aptic.qualification.network;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.engine.TaskDecision;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates the national team's answer when {@code Task_AuditMember} completes: {@code decision} APPROVE or
 * REJECT, a reason for a rejection (400 otherwise, the task stays open). Records the decision and who made it.
 */
@Component
class AuditDecisionListener implements TaskListener {

    static final Set<String> DECISIONS = Set.of(NetworkMemberProcess.APPROVED, NetworkMemberProcess.REJECTED);

    private final ApplicationLifecycle lifecycle;

    AuditDecisionListener(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskDecision decision = TaskDecision.read(
                task,
                DECISIONS,
                Set.of(NetworkMemberProcess.REJECTED),
                "motif obligatoire pour " + NetworkMemberProcess.REJECTED);
        lifecycle.event(APPLICATION_ID.get(task.getExecution()), "AUDIT_" + decision.decision(), decision.detail());
    }
}
