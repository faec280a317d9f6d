package fr.aptic.qualification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies on our API (JSON 256 KiB, CSV 20 MiB, as the contract says), refusing with 413
 * before reading when the length is announced, and while reading when it is not.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long JSON_LIMIT = 256 * 1024;
    static final long CSV_LIMIT = 20 * 1024 * 1024;
    static final long MULTIPART_LIMIT = 6 * 1024 * 1024;

    private final ObjectMapper objectMapper;

    RequestSizeLimitFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getContentType());
        if (request.getContentLengthLong() > limit) {
            String tooLarge = new BodyTooLargeException(limit).getMessage();
            ProblemHandler.write(
                    response,
                    objectMapper,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    tooLarge,
                    List.of(FieldError.of("", tooLarge)));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static long limitFor(String contentType) {
        if (contentType == null) {
            return JSON_LIMIT;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("text/csv") || type.startsWith("application/vnd.openxmlformats-officedocument")) {
            return CSV_LIMIT;
        }
        if (type.startsWith("multipart/")) {
            return MULTIPART_LIMIT;
        }
        return JSON_LIMIT;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
