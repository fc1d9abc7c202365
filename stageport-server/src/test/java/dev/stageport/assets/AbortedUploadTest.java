package dev.stageport.assets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.support.ServerTest;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A client that hangs up half-way through sending a bundle: its own doing, not a server error. */
class AbortedUploadTest extends ServerTest {

    static final String ASSETS = "/api/asset-repository/v1/assets";

    @Autowired
    ArtifactStore store;
    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger web = (Logger) LoggerFactory.getLogger("dev.stageport.web");

    @BeforeEach
    void listen() {
        logged.start();
        web.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        web.detachAppender(logged);
    }

    @Test
    void aRawBundleUploadCutOffMidBodyIsLoggedAtInfoAnsweredAsAClientErrorAndStoresNothing() throws Exception {
        assertCutOffUploadIsAClientError("application/octet-stream", "");
    }

    @Test
    void aMultipartBundleUploadCutOffMidBodyIsLoggedAtInfoAnsweredAsAClientErrorAndStoresNothing()
            throws Exception {
        String boundary = "cut-off-boundary";
        assertCutOffUploadIsAClientError("multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"assetFile\"; filename=\"b.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n");
    }

    private void assertCutOffUploadIsAClientError(String contentType, String preamble)
            throws Exception {
        List<Path> before = artifactFiles();
        long catalogued = catalogued();

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ASSETS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.token()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: 10485760\r\n\r\n" + preamble)
                    .getBytes(StandardCharsets.UTF_8));
            out.write(new byte[256 * 1024]);
            out.flush();
        }

        ILoggingEvent event = awaitLogAbout(ASSETS);
        assertThat(event.getLevel()).as("%s", event.getFormattedMessage()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage()).contains("closed the connection");
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(artifactFiles()).isEqualTo(before);
        assertThat(catalogued()).isEqualTo(catalogued);
    }

    /** Waits for the server's own account of the request, whatever level it chose. */
    private ILoggingEvent awaitLogAbout(String path) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (ILoggingEvent e : List.copyOf(logged.list)) {
                if (e.getFormattedMessage().contains(path)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server logged nothing about the cut-off upload: " + logged.list);
    }

    private List<Path> artifactFiles() throws Exception {
        Path probe = store.scratch("probe-");
        Path root = probe.getParent().getParent();
        Files.delete(probe);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private long catalogued() {
        return jdbc.sql("select count(*) from artifact").query(Long.class).single();
    }
}
