package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_Renew}, {@code ServiceTask_RenewWithAgreement}: the qualification is renewed. */
@Component
class RenewDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    RenewDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.renew(execution);
    }
}
