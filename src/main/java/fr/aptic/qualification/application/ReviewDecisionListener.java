package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import fr.aptic.qualification.engine.TaskDecision;
import fr.aptic.qualification.engine.TaskValidation;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates the review decision on the server when {@code Task_ReviewApplication} completes, whether from
 * Tasklist or the engine REST API (Camunda Form validation runs only in the browser): a wrong decision is
 * refused with 400 and the task stays open. Records the decision and who made it.
 */
@Component
class ReviewDecisionListener implements TaskListener {

    static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT", "REQUEST_CHANGES");
    static final Set<String> CHANGE_REASONS = Set.of("INCORRECT", "INCOMPLETE", "OUTDATED");

    private final ApplicationLifecycle lifecycle;

    ReviewDecisionListener(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskDecision decision = TaskDecision.read(
                task,
                DECISIONS,
                Set.of("REJECT", "REQUEST_CHANGES"),
                "motif obligatoire pour un refus ou une demande de compléments");
        if ("REQUEST_CHANGES".equals(decision.decision()) && !CHANGE_REASONS.contains(decision.reason())) {
            throw TaskValidation.invalid(
                    "reason", "motif de demande de compléments : INCORRECT, INCOMPLETE ou OUTDATED");
        }
        String applicationId = APPLICATION_ID.get(task.getExecution());
        lifecycle.event(
                applicationId,
                "REVIEW_" + decision.decision(),
                decision.reason() == null ? decision.comment() : decision.reason());
    }
}
