package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_Lapse}: no confirmation by the end date, the qualification lapses. */
@Component
class LapseDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    LapseDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.lapse(execution);
    }
}
