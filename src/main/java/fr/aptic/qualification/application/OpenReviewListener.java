package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASONS_IN_WORDS;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASONS_TEXT;
import static fr.aptic.qualification.application.FreeQualificationProcess.REVIEW;
import static fr.aptic.qualification.application.FreeQualificationProcess.REVIEW_GROUP;
import static fr.aptic.qualification.application.FreeQualificationProcess.SCORE;

import fr.aptic.qualification.notification.ApplicantMails;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.security.InstanceAccess;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the review tasks ({@code Task_ReviewApplication}, {@code Task_AttestMember}): as its task
 * is created, the application is under review by its routed group, which from now on sees the application's
 * process instance and its history (and no other). A hub's review task also gets the assessment in words
 * ({@code reasonsInWords}) for its form; a network member's attestation, which does not show it, does not.
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
        if (REVIEW.equals(task.getTaskDefinitionKey())) {
            // a process variable, not the task's: hubs read variables through their task's form only, and a
            // task-local one would also answer their variable queries (README, authorization matrix)
            DelegateExecution execution = task.getExecution();
            REASONS_IN_WORDS.set(
                    execution,
                    inWords(
                            SCORE.find(execution).orElse(null),
                            REASONS_TEXT.find(execution).orElse("")));
        }
    }

    /** The application goes under review by its routed group, which sees its instance and its history. */
    void open(DelegateExecution execution) {
        String reviewGroup = REVIEW_GROUP.get(execution);
        instanceAccess.grantRead(execution, reviewGroup);
        lifecycle.underReview(APPLICATION_ID.get(execution), reviewGroup);
    }

    /**
     * What the eligibility rules found, in the words of the applicant's mails: "Aucun motif relevé…" with the
     * score, or each reason in French. A code without words is never shown as such.
     */
    static String inWords(Integer score, String reasonsText) {
        String scoreText = score == null ? "" : " (score " + score + ")";
        if (reasonsText == null || reasonsText.isBlank()) {
            return "Aucun motif relevé : les règles d'éligibilité jugent la demande éligible" + scoreText + ".";
        }
        return "Motifs relevés par les règles d'éligibilité" + scoreText + " : "
                + Arrays.stream(reasonsText.split(",\\s*"))
                        .filter(code -> !code.isBlank())
                        .map(OpenReviewListener::reason)
                        .distinct()
                        .collect(Collectors.joining(" ; "))
                + ".";
    }

    private static String reason(String code) {
        if (CharterCommitments.isV2Commitment(code)) {
            return "un engagement de la charte n'est pas pris";
        }
        String label = ApplicantMails.label(code);
        return label.equals(code) ? "autre motif relevé par les règles" : label;
    }
}
