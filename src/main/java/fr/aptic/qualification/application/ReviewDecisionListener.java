package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import fr.aptic.qualification.system.TaskValidation;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
    static final int MAX_TEXT = 2000;

    private final ApplicationLifecycle lifecycle;

    ReviewDecisionListener(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskValidation.ensureCurrent(task);
        Object decision = task.getVariable(FreeQualificationProcess.DECISION.name());
        Object reason = task.getVariable(FreeQualificationProcess.REASON.name());
        Object comment = task.getVariable(FreeQualificationProcess.COMMENT.name());
        if (!(decision instanceof String value) || !DECISIONS.contains(value)) {
            throw invalid("decision", "décision obligatoire : APPROVE, REJECT ou REQUEST_CHANGES");
        }
        if (reason != null && !(reason instanceof String)) {
            throw invalid("reason", "le motif doit être un texte");
        }
        if (comment != null && (!(comment instanceof String text) || text.length() > MAX_TEXT)) {
            throw invalid("comment", "le commentaire doit être un texte d'au plus " + MAX_TEXT + " caractères");
        }
        String reasonText = reason == null ? "" : ((String) reason).trim();
        if (!"APPROVE".equals(value) && reasonText.isEmpty()) {
            throw invalid("reason", "motif obligatoire pour un refus ou une demande de compléments");
        }
        if ("REQUEST_CHANGES".equals(value) && !CHANGE_REASONS.contains(reasonText)) {
            throw invalid("reason", "motif de demande de compléments : INCORRECT, INCOMPLETE ou OUTDATED");
        }
        if (reasonText.length() > 200) {
            throw invalid("reason", "motif trop long (200 caractères au plus)");
        }
        String applicationId = APPLICATION_ID.get(task.getExecution());
        lifecycle.event(applicationId, "REVIEW_" + value, reasonText.isEmpty() ? (String) comment : reasonText);
    }

    static FormFieldValidationException invalid(String field, String message) {
        return TaskValidation.invalid(field, message);
    }
}
