package fr.aptic.qualification.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_OpenReview} of the versions of {@code free-qualification} deployed before 2026-12-03: their
 * running instances pass it again after complements. It does what {@link OpenReviewListener} does as the review
 * task is created in the current versions.
 */
@Component
class OpenReviewDelegate implements JavaDelegate {

    private final OpenReviewListener listener;

    OpenReviewDelegate(OpenReviewListener listener) {
        this.listener = listener;
    }

    @Override
    public void execute(DelegateExecution execution) {
        listener.open(execution);
    }
}
