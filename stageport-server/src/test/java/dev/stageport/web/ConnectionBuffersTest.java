package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.deployments.DeploymentTestSupport;
import dev.stageport.support.ServerTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** The buffers every open request holds, as the running server's connector has them. */
class ConnectionBuffersTest extends ServerTest {

    private static final String OPS = "/api/deployments/v1/deployment-operations";

    @Autowired
    ServletWebServerApplicationContext context;

    @BeforeEach
    void signIn() {
        api.login(CLIENT_ID, CLIENT_SECRET);
    }

    @Test
    void theRunningConnectorHoldsTheConfiguredBuffersPerConnection() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        ResponseBufferHttp11NioProtocol protocol = (ResponseBufferHttp11NioProtocol) connector.getProtocolHandler();

        assertThat(protocol.socketProperties().getAppReadBufSize()).isEqualTo(4 * 1024);
        assertThat(protocol.socketProperties().getAppWriteBufSize()).isEqualTo(4 * 1024);
        assertThat(protocol.getDesiredBufferSize()).isEqualTo(1024);
        assertThat(((AbstractHttp11Protocol<?>) protocol).getMaxHttpResponseHeaderSize()).isEqualTo(4 * 1024);
        assertThat(protocol.getMaxHttpRequestHeaderSize()).isEqualTo(8 * 1024);
        assertThat(protocol.getMaxTrailerSize()).isEqualTo(512);
        assertThat(protocol.getMaxKeepAliveRequests()).as("requests per kept-alive connection").isEqualTo(1000);
        assertThat(((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves())
                .hasAtLeastOneElementOfType(RequestReaderBuffer.class);
    }

    @Test
    void anOrdinaryAnswerLargerThanTheFollowersBufferStillGoesOutWithItsLength() {
        for (int i = 0; i < 3; i++) {
            TestApp app = newApp();
            assertThat(api.post(OPS, DeploymentTestSupport.deployBody(DemoData.QA, app.key(), app.release1(), 1))
                    .status()).isEqualTo(201);
        }

        HttpResponse<String> answer = api.withHeaders("GET", OPS + "?limit=10", null);

        int bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("an answer between the followers' buffer and the ordinary one").isBetween(1025, 8192);
        assertThat(answer.headers().firstValue("Content-Length")).hasValue(Integer.toString(bytes));
    }

    @Test
    void aBearerTokenOfSixKilobytesFitsTheRequestHeaders() {
        String token = "x".repeat(6 * 1024);

        HttpResponse<String> answer = api.withToken(token).withHeaders("GET", "/api/portfolios/v1/environments",
                null);

        assertThat(answer.statusCode()).as("refused as a token, not as too large a header").isEqualTo(401);
    }

    @Test
    void aChunkedBodyManyTimesTheTrailerBufferWithASmallTrailerArrivesWhole() throws Exception {
        TestApp app = newApp();
        // valid JSON only when every byte arrives: the padding sits between its fields
        String body = DeploymentTestSupport.deployBody(DemoData.QA, app.key(), app.release1(), 1)
                .replace(",", "," + " ".repeat(8 * 1024));

        assertThat(postChunked(body, "X-Checksum: " + "a".repeat(64))).startsWith("HTTP/1.1 201");
    }

    @Test
    void trailerFieldsLargerThanTheTrailerBufferAreRefusedAsAClientError() throws Exception {
        TestApp app = newApp();
        String body = DeploymentTestSupport.deployBody(DemoData.QA, app.key(), app.release1(), 1);

        assertThat(postChunked(body, "X-Checksum: " + "a".repeat(1024))).startsWith("HTTP/1.1 4");
    }

    /** @return the answer's status line to a POST whose body goes in 1 KB chunks, then one trailer field */
    private String postChunked(String body, String trailer) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("POST " + OPS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + api.token() + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < bytes.length; at += 1024) {
                int length = Math.min(1024, bytes.length - at);
                request.append(Integer.toHexString(length)).append("\r\n")
                        .append(new String(bytes, at, length, StandardCharsets.UTF_8)).append("\r\n");
            }
            request.append("0\r\n").append(trailer).append("\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
    }
}
