package fr.aptic.qualification.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives Tasklist's own API (the webapp's engine REST application, which our JAX-RS mappers do not reach) the
 * same answers as {@code /engine-rest}: 400 when our server-side validation refused a task completion, 409
 * when another user completed or changed the task at the same moment.
 */
@Component
class TaskCompletionStatusFilter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    TaskCompletionStatusFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/camunda/api/engine/")
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
            }
        }
        wrapper.copyBodyToResponse();
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
