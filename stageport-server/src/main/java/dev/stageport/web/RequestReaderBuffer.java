package dev.stageport.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.CharBuffer;
import org.apache.catalina.connector.InputBuffer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shrinks the character buffer Tomcat gives every request object for {@code getReader()} (8 K chars,
 * 16 KB, not configurable) to {@link ConnectionBuffers#requestReaderBuffer()}. Stageport reads bodies
 * as bytes, so that buffer sits unused, yet an event stream or long poll holds it for minutes. Tomcat
 * grows the buffer again for a reader that needs more (up to its own size) and keeps a small one
 * across the requests of its processor, so this allocates once per request object.
 *
 * <p>Tomcat has no setting for it: the buffer is swapped through a private field. Should a Tomcat
 * upgrade rename it, the valve says so once in the log and leaves Tomcat's buffer in place.
 */
public class RequestReaderBuffer extends ValveBase {

    private static final Logger log = LoggerFactory.getLogger(RequestReaderBuffer.class);
    private static final VarHandle INPUT_BUFFER;
    private static final VarHandle CHARS;

    static {
        VarHandle inputBuffer = null;
        VarHandle chars = null;
        try {
            inputBuffer = MethodHandles.privateLookupIn(Request.class, MethodHandles.lookup())
                    .findVarHandle(Request.class, "inputBuffer", InputBuffer.class);
            chars = MethodHandles.privateLookupIn(InputBuffer.class, MethodHandles.lookup())
                    .findVarHandle(InputBuffer.class, "cb", CharBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Tomcat's request character buffer stays at its own size ({}): {}",
                    "docs/operations.md, Connections and buffers", e.toString());
        }
        INPUT_BUFFER = inputBuffer;
        CHARS = chars;
    }

    private final int chars;

    /** @param bytes the buffer's size in bytes of heap (two per character) */
    public RequestReaderBuffer(int bytes) {
        super(true);
        this.chars = Math.max(1, bytes / 2);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        shrink(request);
        getNext().invoke(request, response);
    }

    /** @return the capacity of the request's character buffer now (-1 when it cannot be reached) */
    int shrink(Request request) {
        if (CHARS == null) {
            return -1;
        }
        InputBuffer buffer = (InputBuffer) INPUT_BUFFER.get(request);
        CharBuffer current = (CharBuffer) CHARS.get(buffer);
        // only an unread buffer: nothing has gone through the reader before the servlet runs
        if (current.capacity() > chars && current.position() == 0 && current.limit() == 0) {
            CHARS.set(buffer, CharBuffer.allocate(chars).limit(0));
            return chars;
        }
        return current.capacity();
    }
}
