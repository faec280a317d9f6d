package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_Qualify}: the producer is qualified and its places go on the public map. */
@Component
public class QualifyDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    QualifyDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.qualified(APPLICATION_ID.get(execution));
    }
}
