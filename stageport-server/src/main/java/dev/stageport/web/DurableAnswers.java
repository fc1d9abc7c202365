package dev.stageport.web;

import dev.stageport.DurableWrites;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that may change something is answered only once what it committed is on disk
 * ({@link DurableWrites}): the first byte of the answer, or the end of a request without a body,
 * waits for one durable flush. So a server killed right after answering 201 keeps the operation,
 * while the engine's own commits need not each wait for the disk. Outside every filter that
 * buffers an answer (the idempotency record is written before its buffered answer goes out).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DurableAnswers extends OncePerRequestFilter {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DurableWrites durable;

    public DurableAnswers(DurableWrites durable) {
        this.durable = durable;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FlushFirst answer = new FlushFirst(response, durable);
        chain.doFilter(request, answer);
        if (!request.isAsyncStarted()) {
            answer.beforeAnswer(); // no body was written: the answer goes out when we return
        }
    }

    /** Flushes the database once, before anything of the answer can reach the client. */
    private static final class FlushFirst extends HttpServletResponseWrapper {
        private final DurableWrites durable;
        private boolean flushed;
        private ServletOutputStream stream;

        FlushFirst(HttpServletResponse response, DurableWrites durable) {
            super(response);
            this.durable = durable;
        }

        void beforeAnswer() {
            if (!flushed) {
                flushed = true;
                durable.flush();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new FlushFirstStream(super.getOutputStream(), this);
            }
            return stream;
        }

        /** A writer buffers on its own, so the flush cannot wait for its first byte: it happens now. */
        @Override
        public PrintWriter getWriter() throws IOException {
            beforeAnswer();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            beforeAnswer();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            beforeAnswer();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            beforeAnswer();
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            beforeAnswer();
            super.sendRedirect(location);
        }
    }

    private static final class FlushFirstStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private final FlushFirst answer;

        FlushFirstStream(ServletOutputStream out, FlushFirst answer) {
            this.out = out;
            this.answer = answer;
        }

        @Override
        public void write(int b) throws IOException {
            answer.beforeAnswer();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            answer.beforeAnswer();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            answer.beforeAnswer();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            answer.beforeAnswer();
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
