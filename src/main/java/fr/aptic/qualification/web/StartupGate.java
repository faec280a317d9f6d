package fr.aptic.qualification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server listens before the application is ready: models deploy, groups, users and filters are
 * created after it opens its port. Until Spring Boot declares the application ready to take traffic, every
 * request is answered {@code 503} with {@code Retry-After}, so nobody sees public data while logins still fail,
 * or a half-made Tasklist. The same holds while the application stops (Spring Boot refuses traffic then).
 * Only the health probes pass: liveness must answer while the application starts, and readiness says itself
 * that the application is not ready.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ApplicationAvailability availability;
    private final ObjectMapper objectMapper;

    StartupGate(ApplicationAvailability availability, ObjectMapper objectMapper) {
        this.availability = availability;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC || isHealthProbe(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        ProblemHandler.write(
                response,
                objectMapper,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Le service démarre ; réessayez dans quelques secondes",
                List.of());
    }

    private static boolean isHealthProbe(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod())
                && (path.equals("/actuator/health") || path.startsWith("/actuator/health/"));
    }
}
