package fr.aptic.qualification.contracting;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RequestBankDetails}: asks the applicant for valid bank details within 30 days. */
@Component
class RequestBankDetailsDelegate implements JavaDelegate {

    private final ContractingService contracting;

    RequestBankDetailsDelegate(ContractingService contracting) {
        this.contracting = contracting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracting.bankDetailsRequested(APPLICATION_ID.get(execution));
    }
}
