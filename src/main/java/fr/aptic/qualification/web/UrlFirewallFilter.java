package fr.aptic.qualification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses malicious-looking addresses (path parameters such as {@code ..;/}, encoded slashes, {@code %00},
 * {@code ..}) with a 400 problem before anything parses them: Spring Security's own firewall runs too late
 * for some of them, after Spring has already failed to map {@code /api/places/..;/..;/engine-rest/task} to a
 * servlet (a 500). Same rules as Spring Security's {@link StrictHttpFirewall}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UrlFirewallFilter extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ObjectMapper objectMapper;

    UrlFirewallFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
            ProblemHandler.write(
                    response,
                    objectMapper,
                    HttpStatus.BAD_REQUEST,
                    "Adresse de requête refusée (caractères interdits)",
                    List.of(FieldError.of("url", "caractères interdits dans l'adresse")));
            return;
        }
        chain.doFilter(request, response);
    }
}
