package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASONS_TEXT;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordIneligible}: records the knock-outs and tells the applicant why. */
@Component
public class RecordIneligibleDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    RecordIneligibleDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reasons = REASONS_TEXT.find(execution).orElse("");
        List<String> codes = reasons.isBlank() ? List.of() : Arrays.asList(reasons.split(",\\s*"));
        lifecycle.ineligible(APPLICATION_ID.get(execution), codes);
    }
}
