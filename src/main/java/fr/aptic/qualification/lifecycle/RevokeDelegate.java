package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_Revoke}: the national team's revocation. */
@Component
class RevokeDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    RevokeDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.revoke(execution);
    }
}
