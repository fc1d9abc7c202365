package dev.stageport.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The buffers Tomcat keeps for every open request. An event-stream follower or long poll keeps its
 * request open for minutes, so with thousands of followers these sizes, not threads, are what the
 * server's memory holds (docs/operations.md, "Connections and buffers").
 *
 * @param socketReadBuffer  per connection; also the most a single read of a request body takes
 * @param socketWriteBuffer per connection; also the most a single write of a response body sends
 * @param responseBuffer    the response body buffer of ordinary requests (a body that fits is sent
 *                          with a Content-Length and can still be replaced by an error)
 * @param followerResponseBuffer the connector's response buffer, which requests that follow an
 *                          operation keep (each event is flushed at once anyway)
 * @param requestReaderBuffer    the request's character buffer for {@code getReader()}
 * @param requestTrailerBuffer   the most trailer fields after a chunked request body may take; Tomcat
 *                          allocates it with every connection's processor, used or not (no client of
 *                          Stageport sends trailers)
 */
@ConfigurationProperties("stageport.connections")
public record ConnectionBuffers(
        @DefaultValue("4KB") DataSize socketReadBuffer,
        @DefaultValue("4KB") DataSize socketWriteBuffer,
        @DefaultValue("8KB") DataSize responseBuffer,
        @DefaultValue("1KB") DataSize followerResponseBuffer,
        @DefaultValue("512B") DataSize requestReaderBuffer,
        @DefaultValue("512B") DataSize requestTrailerBuffer) {

    int bytes(DataSize size) {
        return Math.toIntExact(size.toBytes());
    }
}
