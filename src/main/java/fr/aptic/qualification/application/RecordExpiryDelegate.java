package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.CONTRACTED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordExpiry} and {@code ServiceTask_RecordContractExpiry}: no answer within 30 days. */
@Component
class RecordExpiryDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    RecordExpiryDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.expired(APPLICATION_ID.get(execution));
        CONTRACTED.set(execution, false);
    }
}
