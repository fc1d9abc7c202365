package dev.stageport.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloSettingsTest {

    @Test
    void pageShowsSettingsAndHidesSecrets() throws Exception {
        HttpServer server = HelloSettings.start(0, Map.of(
                "STAGEPORT_SETTING_GREETINGTEXT", "Hi QA",
                "STAGEPORT_SETTING_MAXITEMS", "25",
                "STAGEPORT_SETTING_PAYMENTAPIKEY", "sk-live-123",
                "STAGEPORT_SECRET_PAYMENTAPIKEY", "1"));
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).startsWith("Hi QA from hello-settings").contains("MAXITEMS = 25")
                    .contains("PAYMENTAPIKEY = (secret, set)").doesNotContain("sk-live-123");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok");
        } finally {
            server.stop(0);
        }
    }
}
