package fr.aptic.qualification.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form (Cockpit, Tasklist, Admin) gets the same answer as HTTP Basic while the engine locks
 * a user after failed attempts: 429 with {@code Retry-After}, where the webapp would only say 401. The login
 * itself stays the webapp's (its CSRF check included); this filter only looks at the user name first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");

    // Resolved at the first login: filters are built with the web server, before the engine and Flyway.
    private final ObjectProvider<LoginThrottle> throttle;
    private final ObjectMapper objectMapper;

    WebappLoginThrottleFilter(ObjectProvider<LoginThrottle> throttle, ObjectMapper objectMapper) {
        this.throttle = throttle;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The webapp reads the form through @FormParam, which still works once the container parsed it here.
        var lock = throttle.getObject().lockOf(request.getParameter("username"));
        if (lock.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        tooManyAttempts(response, lock.get(), objectMapper);
    }

    static void tooManyAttempts(HttpServletResponse response, LoginThrottle.Lock lock, ObjectMapper objectMapper)
            throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        lock.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(
                response.getOutputStream(),
                ProblemHandler.respond(HttpStatus.TOO_MANY_REQUESTS, lock.message(), List.of())
                        .getBody());
    }
}
