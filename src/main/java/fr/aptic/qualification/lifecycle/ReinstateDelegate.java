package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_Reinstate}: the national team's reinstatement. */
@Component
class ReinstateDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    ReinstateDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.reinstate(execution);
    }
}
