package fr.aptic.qualification.contracting;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Shows the bank details on {@code Task_ValidateBankDetails} as task-local variables: only the back office,
 * whose task it is, sees them; they never become process variables that hubs or partners could read.
 */
@Component
class BankDetailsTaskListener implements TaskListener {

    private final ContractingService contracting;

    BankDetailsTaskListener(ContractingService contracting) {
        this.contracting = contracting;
    }

    @Override
    public void notify(DelegateTask task) {
        contracting.bank(APPLICATION_ID.get(task.getExecution())).ifPresent(bank -> {
            ContractingProcess.BANK_HOLDER.setLocal(task, bank.holder());
            ContractingProcess.BANK_IBAN.setLocal(task, bank.iban());
            ContractingProcess.BANK_BIC.setLocal(task, bank.bic());
        });
    }
}
