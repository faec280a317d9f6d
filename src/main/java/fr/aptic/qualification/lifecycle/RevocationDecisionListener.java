package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.engine.TaskDecision;
import fr.aptic.qualification.engine.TaskValidation;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates the national team's answer when {@code Task_DecideRevocation} completes, from Tasklist or the REST
 * API: {@code decision} REVOKE or KEEP; a revocation needs a reason code of the table {@code revocation-reason}
 * (400 otherwise, the task stays open).
 */
@Component
class RevocationDecisionListener implements TaskListener {

    private final RevocationReasons reasons;

    RevocationDecisionListener(RevocationReasons reasons) {
        this.reasons = reasons;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskDecision decision =
                TaskDecision.read(task, Set.of("REVOKE", "KEEP"), Set.of("REVOKE"), "motif obligatoire pour REVOKE");
        if ("REVOKE".equals(decision.decision())
                && reasons.words(decision.reason()).isEmpty()) {
            throw TaskValidation.invalid("reason", "motif inconnu : " + String.join(", ", reasons.codes()));
        }
    }
}
