package fr.aptic.qualification.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Gives the engine REST API the status codes a client can act on, in the engine's own error format: a task
 * completion refused by our server-side validation (a task listener) is a 400, not a 500; two people acting on
 * the same task at once is a 409 for the one who comes second, whether the engine noticed it while both
 * were running (optimistic lock) or the first had already committed (the task is gone, or its grants went with
 * it, but its history shows it was completed and the caller may see that history); a task that never existed
 * for the caller is a 404, one they may not work a 403.
 * An unexpected failure is a 500 without the engine's internal message, logged with an incident id.
 */
@Configuration
class EngineRestExceptions {

    private static final Logger log = LoggerFactory.getLogger(EngineRestExceptions.class);
    private static final Pattern MISSING_TASK = Pattern.compile("Cannot find task with id ([^\\s:]+)");
    private static final java.util.Set<String> CONCURRENT_SQL_STATES = java.util.Set.of("90131", "40001", "40P01");
    static final String CONCURRENT = "La tâche a été modifiée ou terminée par quelqu'un d'autre ; rechargez-la";

    @Bean
    ResourceConfigCustomizer engineRestExceptionMappers(HistoryService history, IdentityService identity) {
        Mapping mapping = new Mapping(history, identity);
        return config -> {
            config.register(new RestExceptionMapper(mapping));
            config.register(new EngineExceptionMapper(mapping));
        };
    }

    /** Maps an engine failure, looking at the whole cause chain. */
    record Mapping(HistoryService history, IdentityService identity) {

        Response map(Throwable exception, int fallbackStatus) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof FieldErrors refused) {
                    return respond(400, cause, cause.getMessage(), refused.errors());
                }
                if (cause instanceof ParseException invalid) {
                    return respond(400, invalid, invalid.getMessage(), parseErrors(invalid));
                }
                if (cause instanceof FormFieldValidationException invalid) {
                    return respond(400, invalid, message(invalid));
                }
                if (cause instanceof OptimisticLockingException
                        || cause instanceof TaskAlreadyClaimedException
                        || cause instanceof ConcurrencyFailureException
                        || isConcurrentUpdate(cause)) {
                    return respond(409, cause, CONCURRENT);
                }
                if (cause instanceof AuthorizationException denied) {
                    return completedMeanwhile(denied)
                            ? respond(409, cause, "La tâche a déjà été terminée ; rechargez la liste des tâches")
                            : respond(403, cause, cause.getMessage());
                }
                if (cause instanceof NullValueException
                        && MISSING_TASK
                                .matcher(String.valueOf(cause.getMessage()))
                                .find()) {
                    return missingTask(cause);
                }
                if (cause instanceof NotFoundException) {
                    return respond(404, cause, cause.getMessage());
                }
                if (cause instanceof BadUserRequestException) {
                    return respond(400, cause, cause.getMessage());
                }
            }
            if (fallbackStatus >= 500) {
                String incident = UUID.randomUUID().toString();
                log.error("Engine REST failure, incident {}", incident, exception);
                return respond(fallbackStatus, exception, "Erreur interne (incident " + incident + ")");
            }
            return respond(fallbackStatus, exception, exception.getMessage());
        }

        /**
         * A task's authorizations go with it: a candidate who loses the race to complete it is refused for want of
         * a permission that no longer exists. That is a conflict (409), not a 403, when the task is finished and
         * the caller was one of its candidates or its assignee; anyone else keeps the 403.
         */
        private boolean completedMeanwhile(AuthorizationException denied) {
            var current = identity.getCurrentAuthentication();
            if (current == null) {
                return false;
            }
            for (var missing : denied.getMissingAuthorizations()) {
                if (!"Task".equals(missing.getResourceType()) || missing.getResourceId() == null) {
                    continue;
                }
                String taskId = missing.getResourceId();
                identity.clearAuthentication();
                try {
                    boolean finished = history.createHistoricTaskInstanceQuery()
                                    .taskId(taskId)
                                    .finished()
                                    .count()
                            > 0;
                    boolean candidate = history.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                            .anyMatch(link -> current.getUserId().equals(link.getUserId())
                                    || (current.getGroupIds() != null
                                            && current.getGroupIds().contains(link.getGroupId())));
                    if (finished && candidate) {
                        return true;
                    }
                } finally {
                    identity.setAuthentication(current);
                }
            }
            return false;
        }

        /** 409 when the caller can see that the task was completed (by someone else, just now); 404 otherwise. */
        private Response missingTask(Throwable cause) {
            Matcher matcher = MISSING_TASK.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find() && completedTask(matcher.group(1))) {
                return respond(409, cause, "La tâche a déjà été terminée ; rechargez la liste des tâches");
            }
            return respond(404, cause, "Tâche introuvable");
        }

        /**
         * Whether the task has ended and the caller may see so. Runs with the caller's engine authorizations: a
         * task they never could see stays a 403 or 404.
         */
        private boolean completedTask(String taskId) {
            return taskId != null
                    && history.createHistoricTaskInstanceQuery()
                                    .taskId(taskId)
                                    .finished()
                                    .count()
                            > 0;
        }

        /**
         * A database refusing a write because another transaction changed the same rows (H2's "concurrent
         * update", PostgreSQL's serialization failure or deadlock): the request may be retried, it is a 409.
         */
        private static boolean isConcurrentUpdate(Throwable cause) {
            return cause instanceof SQLTransientException
                    || (cause instanceof SQLException sql && CONCURRENT_SQL_STATES.contains(sql.getSQLState()));
        }
    }

    private static String message(FormFieldValidationException invalid) {
        String message = invalid.getMessage();
        int at = message == null ? -1 : message.lastIndexOf("Exception while invoking TaskListener: ");
        return at < 0 ? message : message.substring(at + "Exception while invoking TaskListener: ".length());
    }

    /** Each error or warning of the engine's parser, named by resource and element. */
    private static List<FieldError> parseErrors(ParseException invalid) {
        List<FieldError> errors = new ArrayList<>();
        for (ResourceReport report : invalid.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                String element = problem.getMainElementId() == null ? "" : "#" + problem.getMainElementId();
                errors.add(FieldError.of(report.getResourceName() + element, problem.getMessage()));
            }
        }
        return errors;
    }

    private static Response respond(int status, Throwable cause, String message) {
        return respond(status, cause, message, List.of());
    }

    /**
     * Camunda's error body ({@code type}, {@code message}: what Tasklist and Cockpit show), with the problem
     * fields of our API beside it ({@code status}, {@code detail}, and {@code errors} naming each field).
     */
    private static Response respond(int status, Throwable cause, String message, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", cause.getClass().getSimpleName());
        body.put("message", message);
        body.put("status", status);
        body.put("detail", message);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
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
        private final Mapping mapping;

        RestExceptionMapper(Mapping mapping) {
            this.mapping = mapping;
        }

        @Override
        public Response toResponse(RestException exception) {
            int status =
                    exception.getStatus() == null ? 500 : exception.getStatus().getStatusCode();
            return mapping.map(exception, status);
        }
    }

    /** Overrides the engine's mapper for engine exceptions its resources let through. */
    @Priority(1)
    public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
        private final Mapping mapping;

        EngineExceptionMapper(Mapping mapping) {
            this.mapping = mapping;
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return mapping.map(exception, 500);
        }
    }
}
