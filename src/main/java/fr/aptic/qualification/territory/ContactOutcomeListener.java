package fr.aptic.qualification.territory;

import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_ID;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.COMMENT;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CONTACT_ATTEMPTS;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CONTACT_EMAIL;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.OUTCOME;

import fr.aptic.qualification.engine.TaskValidation;
import fr.aptic.qualification.reference.Email;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Validates the hub's answer when {@code Task_ContactCandidate} completes, from Tasklist or the engine REST API
 * alike (Camunda Form validation runs only in the browser): a wrong answer is refused with 400 and the task stays
 * open. Counts the attempt, which the retry condition of the model reads, and records who called.
 */
@Component
class ContactOutcomeListener implements TaskListener {

    static final Set<String> OUTCOMES = Set.of("INTERESTED", "DECLINED", "CLOSED", "UNREACHABLE");
    static final int MAX_TEXT = 2000;

    private final CampaignService campaigns;

    ContactOutcomeListener(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(OUTCOME.name());
        Object email = task.getVariable(CONTACT_EMAIL.name());
        Object comment = task.getVariable(COMMENT.name());
        if (!(outcome instanceof String value) || !OUTCOMES.contains(value)) {
            throw invalid(OUTCOME.name(), "résultat obligatoire : INTERESTED, DECLINED, CLOSED ou UNREACHABLE");
        }
        if (email != null && !(email instanceof String)) {
            throw invalid(CONTACT_EMAIL.name(), "l'adresse doit être un texte");
        }
        String address = email == null ? "" : ((String) email).strip();
        if ("INTERESTED".equals(value) && address.isEmpty()) {
            throw invalid(CONTACT_EMAIL.name(), "adresse électronique obligatoire pour inviter un candidat intéressé");
        }
        if (!address.isEmpty() && !Email.isValid(address)) {
            throw invalid(CONTACT_EMAIL.name(), "adresse électronique invalide");
        }
        if (comment != null && (!(comment instanceof String text) || text.length() > MAX_TEXT)) {
            throw invalid(COMMENT.name(), "le commentaire doit être un texte d'au plus " + MAX_TEXT + " caractères");
        }
        if (!address.isEmpty()) {
            CONTACT_EMAIL.set(task.getExecution(), address);
        }
        int attempts = campaigns.recordAttempt(CANDIDATE_ID.get(task.getExecution()), (String) comment);
        CONTACT_ATTEMPTS.set(task.getExecution(), attempts);
    }

    static FormFieldValidationException invalid(String field, String message) {
        return TaskValidation.invalid(field, message);
    }
}
