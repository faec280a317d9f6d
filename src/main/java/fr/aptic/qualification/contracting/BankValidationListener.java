package fr.aptic.qualification.contracting;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import fr.aptic.qualification.engine.TaskValidation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates the back office's answer when {@code Task_ValidateBankDetails} completes (Tasklist or REST):
 * {@code bankValid} must be a boolean; a refusal needs a comment for the applicant.
 */
@Component
class BankValidationListener implements TaskListener {

    private final ContractingService contracting;

    BankValidationListener(ContractingService contracting) {
        this.contracting = contracting;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskValidation.ensureCurrent(task);
        Object valid = task.getVariable(ContractingProcess.BANK_VALID.name());
        Object comment = task.getVariable(ContractingProcess.COMMENT.name());
        if (!(valid instanceof Boolean bankValid)) {
            throw TaskValidation.invalid("bankValid", "booléen obligatoire (true ou false)");
        }
        if (comment != null && (!(comment instanceof String text) || text.length() > 2000)) {
            throw TaskValidation.invalid("comment", "texte d'au plus 2000 caractères");
        }
        if (!bankValid && (comment == null || ((String) comment).isBlank())) {
            throw TaskValidation.invalid("comment", "obligatoire quand les coordonnées sont refusées");
        }
        contracting.bankDecision(APPLICATION_ID.get(task.getExecution()), bankValid, (String) comment);
    }
}
