package fr.aptic.qualification.contracting;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.CONTRACTED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordSubscription}: the yearly subscription is recorded; the contract is concluded. */
@Component
class RecordSubscriptionDelegate implements JavaDelegate {

    private final ContractingService contracting;

    RecordSubscriptionDelegate(ContractingService contracting) {
        this.contracting = contracting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracting.subscribe(APPLICATION_ID.get(execution));
        CONTRACTED.set(execution, true);
    }
}
