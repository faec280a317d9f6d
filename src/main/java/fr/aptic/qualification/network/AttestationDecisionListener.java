package fr.aptic.qualification.network;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.COMMENT;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASON;

import fr.aptic.qualification.application.ApplicationLifecycle;
import fr.aptic.qualification.engine.TaskDecision;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates the partner's answer when {@code Task_AttestMember} completes (Tasklist, engine REST or the bulk
 * endpoint): {@code decision} ATTEST or REFUSE, a reason for a refusal. A wrong answer is refused with 400 and
 * the task stays open. Records the decision and who made it; an attestation's reason and comment are then
 * cleared, so the audit that may follow starts blank.
 */
@Component
class AttestationDecisionListener implements TaskListener {

    static final Set<String> DECISIONS = Set.of(NetworkMemberProcess.ATTESTED, NetworkMemberProcess.REFUSED);

    private final ApplicationLifecycle lifecycle;

    AttestationDecisionListener(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskDecision decision = TaskDecision.read(
                task,
                DECISIONS,
                Set.of(NetworkMemberProcess.REFUSED),
                "motif obligatoire pour " + NetworkMemberProcess.REFUSED);
        String applicationId = APPLICATION_ID.get(task.getExecution());
        if (NetworkMemberProcess.ATTESTED.equals(decision.decision())) {
            lifecycle.event(applicationId, "ATTESTED", decision.comment());
            task.getExecution().removeVariable(REASON.name());
            task.getExecution().removeVariable(COMMENT.name());
        } else {
            lifecycle.event(applicationId, "ATTESTATION_REFUSED", decision.detail());
        }
    }
}
