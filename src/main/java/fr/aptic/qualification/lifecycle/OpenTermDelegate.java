package fr.aptic.qualification.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_OpenTerm}: opens a term of validity (durations from {@code qualification-terms}). */
@Component
class OpenTermDelegate implements JavaDelegate {

    private final LifecycleSteps steps;

    OpenTermDelegate(LifecycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.openTerm(execution);
    }
}
