package fr.aptic.qualification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Rate-limits the public submission endpoint ({@code POST /api/applications}) per client address with an
 * in-memory token bucket: a burst of {@code capacity} submissions, then one more per {@code refill-period};
 * beyond that a 429 problem with {@code Retry-After}. Runs before anything reads the body. The client address
 * is the one Tomcat sees: behind a proxy, {@code server.forward-headers-strategy} must say so, or every
 * applicant shares the proxy's bucket.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SubmissionRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRateLimitFilter.class);
    /** Past this many tracked addresses, full (idle) buckets are dropped so that memory stays bounded. */
    static final int MAX_TRACKED = 100_000;

    private final boolean enabled;
    private final int capacity;
    private final long refillNanos;
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
        this.refillNanos = refillPeriod.toNanos();
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled
                || !"POST".equals(request.getMethod())
                || !(request.getContextPath() + "/api/applications").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (buckets.size() > MAX_TRACKED) {
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long now = System.nanoTime();
        long waitNanos = buckets.computeIfAbsent(client, key -> new Bucket(capacity, refillNanos, now))
                .tryTake(now);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        log.warn("Submission rate limit reached for {}; retry after {} s", client, retryAfter);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        ProblemHandler.write(
                response,
                objectMapper,
                HttpStatus.TOO_MANY_REQUESTS,
                "Trop de demandes depuis votre adresse ; réessayez dans " + retryAfter + " secondes",
                List.of());
    }

    /** A token bucket refilled continuously: one token per period, at most {@code capacity}. */
    static final class Bucket {
        private final int capacity;
        private final long refillNanos;
        private double tokens;
        private long updatedAt;

        Bucket(int capacity, long refillNanos, long now) {
            this.capacity = capacity;
            this.refillNanos = refillNanos;
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** Takes a token and answers 0, or answers how long until one is available (nanoseconds). */
        synchronized long tryTake(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * refillNanos);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            // Threads may read the clock in one order and get here in the other: time never runs backwards.
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (double) (now - updatedAt) / refillNanos);
                updatedAt = now;
            }
        }
    }
}
