package fr.aptic.qualification.engine;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A decision on a human task as its completion variables give it, checked on the server whether it comes from
 * Tasklist or the engine REST API: {@code decision} among the allowed ones, {@code reason} (required for some
 * decisions, 200 characters at most), {@code comment} (2000 at most). A wrong value is refused with the form
 * validation failure the REST API answers with 400, and the task stays open.
 */
public record TaskDecision(String decision, String reason, String comment) {

    public static final int MAX_REASON = 200;
    public static final int MAX_COMMENT = 2000;

    /**
     * Reads and checks the decision.
     *
     * @param decisions the allowed decisions
     * @param needingReason the decisions that need a reason
     * @param reasonMissing what to say when one of those comes without ("motif obligatoire pour …")
     */
    public static TaskDecision read(
            DelegateTask task, Set<String> decisions, Set<String> needingReason, String reasonMissing) {
        TaskValidation.ensureCurrent(task);
        Object decision = task.getVariable("decision");
        Object reason = task.getVariable("reason");
        Object comment = task.getVariable("comment");
        if (!(decision instanceof String value) || !decisions.contains(value)) {
            throw TaskValidation.invalid(
                    "decision", "décision obligatoire : " + String.join(" ou ", new TreeSet<>(decisions)));
        }
        if (reason != null && !(reason instanceof String)) {
            throw TaskValidation.invalid("reason", "le motif doit être un texte");
        }
        if (comment != null && (!(comment instanceof String text) || text.length() > MAX_COMMENT)) {
            throw TaskValidation.invalid(
                    "comment", "le commentaire doit être un texte d'au plus " + MAX_COMMENT + " caractères");
        }
        String reasonText = reason == null ? "" : ((String) reason).strip();
        if (needingReason.contains(value) && reasonText.isEmpty()) {
            throw TaskValidation.invalid("reason", reasonMissing);
        }
        if (reasonText.length() > MAX_REASON) {
            throw TaskValidation.invalid("reason", "motif trop long (" + MAX_REASON + " caractères au plus)");
        }
        return new TaskDecision(value, reasonText.isEmpty() ? null : reasonText, (String) comment);
    }

    /** The reason and comment as the timeline shows them. */
    public String detail() {
        if (reason == null) {
            return comment;
        }
        return comment == null || comment.isBlank() ? reason : reason + " : " + comment;
    }
}
