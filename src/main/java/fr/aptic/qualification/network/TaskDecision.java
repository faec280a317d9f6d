package fr.aptic.qualification.network;

import static fr.aptic.qualification.application.FreeQualificationProcess.COMMENT;
import static fr.aptic.qualification.application.FreeQualificationProcess.DECISION;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASON;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A decision on a network task as its completion variables give it: {@code decision} among the allowed ones,
 * {@code reason} (required for the refusing decision, 200 characters at most), {@code comment} (2000 at most).
 */
record TaskDecision(String decision, String reason, String comment) {

    static final int MAX_REASON = 200;
    static final int MAX_COMMENT = 2000;

    /** Reads and checks the decision; throws the form validation failure the REST API answers with 400. */
    static TaskDecision read(DelegateTask task, Set<String> decisions, String refusing) {
        Object decision = task.getVariable(DECISION.name());
        Object reason = task.getVariable(REASON.name());
        Object comment = task.getVariable(COMMENT.name());
        if (!(decision instanceof String value) || !decisions.contains(value)) {
            throw invalid("decision", "décision obligatoire : " + String.join(" ou ", new TreeSet<>(decisions)));
        }
        if (reason != null && !(reason instanceof String)) {
            throw invalid("reason", "le motif doit être un texte");
        }
        if (comment != null && (!(comment instanceof String text) || text.length() > MAX_COMMENT)) {
            throw invalid("comment", "le commentaire doit être un texte d'au plus " + MAX_COMMENT + " caractères");
        }
        String reasonText = reason == null ? "" : ((String) reason).strip();
        if (refusing.equals(value) && reasonText.isEmpty()) {
            throw invalid("reason", "motif obligatoire pour " + refusing);
        }
        if (reasonText.length() > MAX_REASON) {
            throw invalid("reason", "motif trop long (" + MAX_REASON + " caractères au plus)");
        }
        return new TaskDecision(value, reasonText.isEmpty() ? null : reasonText, (String) comment);
    }

    /** The reason and comment as the timeline shows them. */
    String detail() {
        if (reason == null) {
            return comment;
        }
        return comment == null || comment.isBlank() ? reason : reason + " : " + comment;
    }

    static FormFieldValidationException invalid(String field, String message) {
        return new FormFieldValidationException(field, field + " : " + message);
    }
}
