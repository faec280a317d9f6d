package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CloseLapsed}: the delay to take a lapsed qualification up is over. */
@Component
class CloseLapsedDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    CloseLapsedDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.closeLapsed(execution);
    }
}
