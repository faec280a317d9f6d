package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_DismissBreach}: the national team keeps the qualification after a report. */
@Component
class DismissBreachDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    DismissBreachDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.dismissBreach(execution);
    }
}
