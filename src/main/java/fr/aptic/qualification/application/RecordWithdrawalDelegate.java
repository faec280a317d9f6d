package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordWithdrawal}: the applicant withdrew before a final status. */
@Component
class RecordWithdrawalDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    RecordWithdrawalDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.withdrawn(APPLICATION_ID.get(execution));
    }
}
