package fr.aptic.qualification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.engine.TaskValidation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Task completions answer what a user can act on, on Tasklist's own API (which our JAX-RS mappers do not
 * reach) and on {@code /engine-rest} alike: 400 when our server-side validation refused the completion, 409 when
 * another user completed or changed the task at the same moment, whatever the engine failed with meanwhile.
 */
@Component
class TaskCompletionStatusFilter extends OncePerRequestFilter {

    private static final Pattern TASK_ID = Pattern.compile("/task/([^/]+)/(submit-form|complete)$");

    private final ObjectMapper objectMapper;
    private final HistoryService history;

    TaskCompletionStatusFilter(ObjectMapper objectMapper, HistoryService history) {
        this.objectMapper = objectMapper;
        this.history = history;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !((path.startsWith("/camunda/api/engine/") || path.startsWith("/engine-rest/"))
                && "POST".equals(request.getMethod())
                && (path.endsWith("/submit-form") || path.endsWith("/complete")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == 500) {
            Object refusal = request.getAttribute(TaskValidation.REFUSAL);
            String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
            if (refusal != null) {
                replace(wrapper, 400, "FormFieldValidationException", refusal.toString());
            } else if (body.contains("OptimisticLockingException")) {
                replace(
                        wrapper,
                        409,
                        "OptimisticLockingException",
                        "La tâche a été modifiée ou terminée par quelqu'un d'autre ; rechargez-la");
            } else if (finishedMeanwhile(request)) {
                // Two completions racing on PostgreSQL: the loser may fail anywhere in the engine (even with an
                // internal NullPointerException) before its transaction rolls back; the task was completed once.
                replace(
                        wrapper,
                        409,
                        "TaskAlreadyCompleted",
                        "La tâche a déjà été terminée par quelqu'un d'autre ; rechargez-la");
            }
        }
        wrapper.copyBodyToResponse();
    }

    private boolean finishedMeanwhile(HttpServletRequest request) {
        Matcher matcher = TASK_ID.matcher(request.getRequestURI());
        return matcher.find()
                && history.createHistoricTaskInstanceQuery()
                                .taskId(matcher.group(1))
                                .finished()
                                .count()
                        > 0;
    }

    private void replace(ContentCachingResponseWrapper wrapper, int status, String type, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        wrapper.resetBuffer();
        wrapper.setStatus(status);
        wrapper.setContentType("application/json");
        wrapper.setCharacterEncoding("UTF-8");
        wrapper.getOutputStream().write(objectMapper.writeValueAsBytes(body));
    }
}
