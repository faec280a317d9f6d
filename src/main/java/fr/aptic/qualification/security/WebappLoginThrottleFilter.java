package fr.aptic.qualification.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.web.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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

    /** A login form is a user name and a password; anything longer is not one. */
    static final int MAX_FORM = 16 * 1024;

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
        // Read the small form ourselves and replay it: the webapp's JAX-RS resource then reads it as usual.
        byte[] form = request.getInputStream().readNBytes(MAX_FORM);
        var lock = throttle.getObject().lockOf(username(form));
        if (lock.isEmpty()) {
            chain.doFilter(new Replayed(request, form), response);
            return;
        }
        tooManyAttempts(response, lock.get(), objectMapper);
    }

    static String username(byte[] form) {
        for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "username".equals(pair.substring(0, equals))) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The request with its body read already, served again from memory. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous replay only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    static void tooManyAttempts(HttpServletResponse response, LoginThrottle.Lock lock, ObjectMapper objectMapper)
            throws IOException {
        lock.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        ProblemHandler.write(response, objectMapper, HttpStatus.TOO_MANY_REQUESTS, lock.message(), List.of());
    }
}
