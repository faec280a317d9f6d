package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_FirstNotice}, {@code ServiceTask_SecondNotice}: the renewal notice with its link. */
@Component
class RenewalNoticeDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    RenewalNoticeDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.renewalNotice(execution);
    }
}
