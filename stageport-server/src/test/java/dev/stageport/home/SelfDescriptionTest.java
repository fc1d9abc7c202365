package dev.stageport.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Stageport's own API is described by the running server, and the root points the way. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class SelfDescriptionTest extends ServerTest {

    private static final String OWN = "/api/stageport/v1/";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theOpenApiDocumentDescribesEveryStageportEndpointAndNoOdcPath() {
        Api.Response doc = new Api(baseUrl()).get("/api/stageport/v1/openapi.json");
        assertThat(doc.status()).as("anonymous: the description is public").isEqualTo(200);
        JsonNode json = doc.json();
        assertThat(json.get("openapi").asString()).startsWith("3.");
        Set<String> described = new TreeSet<>();
        json.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                described.add(op.getKey().toUpperCase() + " " + path.getKey())));
        assertThat(described).isNotEmpty().allSatisfy(op -> assertThat(op).contains(" " + OWN));
        assertThat(described).containsAll(ownEndpoints());
    }

    @Test
    void theBrowsablePageIsServedFromTheJar() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/stageport/v1/docs"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void theRootAnswersLinksAsJsonForClientsAndAsAPageForBrowsers() throws Exception {
        Api.Response json = new Api(baseUrl()).get("/");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("links").findValuesAsString("href"))
                .contains("/api/stageport/v1/openapi.json", "/identity/.well-known/openid-configuration");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<a href=\"/api/stageport/v1/docs\">");
    }

    /** "METHOD /path" of every controller method under /api/stageport/v1, as the document spells paths. */
    private Set<String> ownEndpoints() {
        Set<String> own = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith(OWN) && !pattern.startsWith("/api/stageport/v1/openapi.json")
                        && !pattern.startsWith("/api/stageport/v1/docs")) {
                    info.getMethodsCondition().getMethods().forEach(m -> own.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(own).as("the server has endpoints of its own").hasSizeGreaterThan(5);
        return own;
    }
}
