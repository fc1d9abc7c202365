package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.junit.jupiter.api.Test;

/** The request character buffer Stageport does not use shrinks, and a reader still reads a whole body. */
class RequestReaderBufferTest {

    private final RequestReaderBuffer valve = new RequestReaderBuffer(512);

    @Test
    void aFreshRequestsSixteenKilobyteReaderBufferShrinksToTheConfiguredSize() {
        Request request = new Connector("HTTP/1.1").createRequest(new org.apache.coyote.Request());

        assertThat(valve.shrink(request)).isEqualTo(256);
        assertThat(valve.shrink(request)).as("already small: left as it is").isEqualTo(256);
    }

    @Test
    void aReaderStillReadsABodyManyTimesTheShrunkBufferLineByLine() throws Exception {
        String body = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "line " + i + " \u00e9\u20ac")
                .collect(Collectors.joining("\n"));
        org.apache.coyote.Request coyote = new org.apache.coyote.Request();
        coyote.setInputBuffer(new OneChunk(body.getBytes(StandardCharsets.UTF_8)));
        coyote.setCharset(StandardCharsets.UTF_8);
        coyote.setResponse(new org.apache.coyote.Response());
        Request request = new Connector("HTTP/1.1").createRequest(coyote);
        valve.shrink(request);

        try (BufferedReader reader = request.getReader()) {
            assertThat(reader.lines().collect(Collectors.joining("\n"))).isEqualTo(body);
        }
    }

    /** A request body that arrives in one piece, as from the socket. */
    private static final class OneChunk implements InputBuffer {
        private final byte[] bytes;
        private boolean sent;

        OneChunk(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) {
            if (sent) {
                return -1;
            }
            sent = true;
            handler.setByteBuffer(ByteBuffer.wrap(bytes));
            return bytes.length;
        }

        @Override
        public int available() {
            return sent ? 0 : bytes.length;
        }
    }
}
