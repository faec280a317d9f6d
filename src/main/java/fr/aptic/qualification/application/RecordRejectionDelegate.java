package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;
import static fr.aptic.qualification.application.FreeQualificationProcess.COMMENT;
import static fr.aptic.qualification.application.FreeQualificationProcess.REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordRejection}: the reviewer refused; the applicant learns the reason. */
@Component
class RecordRejectionDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    RecordRejectionDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.rejected(
                APPLICATION_ID.get(execution),
                REASON.find(execution).orElse(null),
                COMMENT.find(execution).orElse(null));
    }
}
