package dev.stageport.deployments;

import dev.stageport.support.Api;
import dev.stageport.support.OdcContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** Raw polls of the status endpoint, for comparing the fast path's answers with the full path's. */
final class StatusPolls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StatusPolls() {
    }

    /** GET with the bearer token and the given header name/value pairs; checks the answer against the ODC schema. */
    static HttpResponse<String> poll(String baseUrl, String token, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OdcContract.verify(response, response.body());
            return response;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client id a token was issued to. */
    static String subject(String jwt) {
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Api.JSON.readTree(claims).get("sub").asString();
    }

    static Map<String, Object> headersWithoutDate(HttpResponse<String> response) {
        Map<String, Object> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }
}
