package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_EndIneligible}, {@code ServiceTask_RefuseRenewal}: the renewal ends the qualification. */
@Component
class EndQualificationDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    EndQualificationDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.endQualification(execution);
    }
}
