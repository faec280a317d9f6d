package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RecordIneligible}: records the outcome and tells the applicant why, with the reasons the
 * assessment recorded with the application (so the calling process needs no copy of them).
 */
@Component
public class RecordIneligibleDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    RecordIneligibleDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.ineligible(APPLICATION_ID.get(execution));
    }
}
