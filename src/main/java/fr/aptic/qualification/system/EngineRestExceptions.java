package fr.aptic.qualification.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the engine REST API the status codes a client can act on, in the engine's own error format: a task
 * completion refused by our server-side validation (a task listener) is a 400, not a 500; a concurrent
 * completion of the same task is a 409; a task that no longer exists is a 404.
 */
@Configuration
class EngineRestExceptions {

    @Bean
    ResourceConfigCustomizer engineRestExceptionMappers() {
        return config -> {
            config.register(RestExceptionMapper.class);
            config.register(EngineExceptionMapper.class);
        };
    }

    static Response map(Throwable exception, int fallbackStatus) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException invalid) {
                return respond(400, invalid, message(invalid));
            }
            if (cause instanceof OptimisticLockingException) {
                return respond(409, cause, "La tâche a été modifiée ou terminée par quelqu'un d'autre ; rechargez-la");
            }
            if (cause instanceof AuthorizationException) {
                return respond(403, cause, cause.getMessage());
            }
            if (cause instanceof NotFoundException
                    || (cause instanceof NullValueException
                            && String.valueOf(cause.getMessage()).contains("Cannot find task"))) {
                return respond(404, cause, cause.getMessage());
            }
            if (cause instanceof BadUserRequestException) {
                return respond(400, cause, cause.getMessage());
            }
        }
        return respond(fallbackStatus, exception, exception.getMessage());
    }

    private static String message(FormFieldValidationException invalid) {
        String message = invalid.getMessage();
        int at = message == null ? -1 : message.lastIndexOf("Exception while invoking TaskListener: ");
        return at < 0 ? message : message.substring(at + "Exception while invoking TaskListener: ".length());
    }

    private static Response respond(int status, Throwable cause, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", cause.getClass().getSimpleName());
        body.put("message", message);
        if (cause instanceof FormFieldValidationException invalid) {
            body.put("field", String.valueOf((Object) invalid.getDetail()));
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }

    /** Overrides the engine's mapper for the exceptions its resources wrap. */
    @Priority(1)
    public static class RestExceptionMapper implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            int status =
                    exception.getStatus() == null ? 500 : exception.getStatus().getStatusCode();
            return map(exception, status);
        }
    }

    /** Overrides the engine's mapper for engine exceptions its resources let through. */
    @Priority(1)
    public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return map(exception, 500);
        }
    }
}
