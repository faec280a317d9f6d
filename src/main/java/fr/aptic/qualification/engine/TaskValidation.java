package fr.aptic.qualification.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Refuses what a human task completes, from a task listener: the engine REST API answers 400 (see
 * {@code web.EngineRestExceptions}), and so does Tasklist's own API, whose 500 {@code web.TaskCompletionStatusFilter}
 * turns into 400 when this request recorded a refusal. The task stays open either way.
 */
public final class TaskValidation {

    public static final String REFUSAL = TaskValidation.class.getName() + ".refusal";

    private TaskValidation() {}

    /**
     * Refuses to go on when another user completed the task an instant earlier: the task's execution (its own
     * scope when a boundary event is attached) is gone, so the variables this completion set have nowhere to
     * live and the listener would see none. Answered 409 like the engine's own optimistic locking.
     */
    public static void ensureCurrent(DelegateTask task) {
        if (task.getExecutionId() != null && task.getExecution() == null) {
            throw new OptimisticLockingException("Task " + task.getId() + " was completed concurrently");
        }
    }

    /** The exception to throw from the listener, naming the variable at fault and why, in French. */
    public static FormFieldValidationException invalid(String field, String message) {
        String text = field + " : " + message;
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(REFUSAL, text, RequestAttributes.SCOPE_REQUEST);
        }
        return new FormFieldValidationException(field, text);
    }
}
