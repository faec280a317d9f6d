package fr.aptic.qualification.contracting;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_StartContracting}: records the accepted terms and whether bank details are there. */
@Component
class StartContractingDelegate implements JavaDelegate {

    private final ContractingService contracting;

    StartContractingDelegate(ContractingService contracting) {
        this.contracting = contracting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean provided = contracting.start(APPLICATION_ID.get(execution));
        ContractingProcess.BANK_DETAILS_PROVIDED.set(execution, provided);
    }
}
