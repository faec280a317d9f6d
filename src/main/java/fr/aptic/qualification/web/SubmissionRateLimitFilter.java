package fr.aptic.qualification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate-limits the public submissions ({@code POST /api/applications}, and the form's {@code POST /devenir/envoi})
 * per client address, both from one bucket, with an
 * in-memory token bucket (Bucket4j): a burst of {@code capacity} submissions, then one more per
 * {@code refill-period}, refilled continuously; beyond that a 429 problem with {@code Retry-After}. Runs before
 * anything reads the body. The client address is the one Tomcat sees: behind a proxy,
 * {@code server.forward-headers-strategy} must say so, or every applicant shares the proxy's bucket.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SubmissionRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRateLimitFilter.class);
    /** Past this many tracked addresses, full (idle) buckets are dropped so that memory stays bounded. */
    static final int MAX_TRACKED = 100_000;
    /** The request attribute holding the seconds to wait, for the error page. */
    public static final String RETRY_AFTER = "aptic.retryAfter";
    /** The API's submission and the application form's: one applicant, one budget. */
    static final java.util.Set<String> SUBMISSIONS = java.util.Set.of("/api/applications", "/devenir/envoi");

    private final boolean enabled;
    private final int capacity;
    private final Duration refillPeriod;
    private final ObjectMapper objectMapper;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SubmissionRateLimitFilter(
            @Value("${aptic.rate-limit.submissions.enabled:true}") boolean enabled,
            @Value("${aptic.rate-limit.submissions.capacity:20}") int capacity,
            @Value("${aptic.rate-limit.submissions.refill-period:PT3M}") Duration refillPeriod,
            ObjectMapper objectMapper) {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("aptic.rate-limit.submissions: capacity >= 1 and a positive period");
        }
        this.enabled = enabled;
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.objectMapper = objectMapper;
    }

    /** A bucket of {@code capacity} tokens, one more every {@code refillPeriod}, read on {@code clock}. */
    static Bucket bucket(int capacity, Duration refillPeriod, TimeMeter clock) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, refillPeriod))
                .withCustomTimePrecision(clock)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !enabled || !"POST".equals(request.getMethod()) || !SUBMISSIONS.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(
                        client, key -> bucket(capacity, refillPeriod, TimeMeter.SYSTEM_NANOTIME))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        log.warn("Submission rate limit reached for {}; retry after {} s", client, retryAfter);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        if (!request.getRequestURI().contains("/api/")) {
            // The form's visitor gets the French error page (see ProblemErrorController), not JSON.
            request.setAttribute(RETRY_AFTER, retryAfter);
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        ProblemHandler.write(
                response,
                objectMapper,
                HttpStatus.TOO_MANY_REQUESTS,
                "Trop de demandes depuis votre adresse ; réessayez dans " + retryAfter + " secondes",
                List.of());
    }
}
