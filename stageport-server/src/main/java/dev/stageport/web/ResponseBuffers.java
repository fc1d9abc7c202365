package dev.stageport.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives ordinary requests their full response buffer back: the connector starts every request
 * with the small buffer that followers keep ({@link ConnectionBuffers}), and only the requests that
 * follow an operation (an event stream, or a long poll with {@code waitSeconds}) stay with it.
 * Tomcat keeps a grown buffer for the next request on the same processor, so this allocates only
 * once per processor.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ResponseBuffers extends OnceEachRequest {

    private final int ordinary;

    public ResponseBuffers(ConnectionBuffers buffers) {
        this.ordinary = buffers.bytes(buffers.responseBuffer());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!follows(request)) {
            response.setBufferSize(ordinary);
        }
        chain.doFilter(request, response);
    }

    /** The query string, not getParameter: that would read a form or multipart body this early. */
    static boolean follows(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String query = request.getQueryString();
        return request.getRequestURI().endsWith("/events") || query != null && query.contains("waitSeconds=");
    }
}
