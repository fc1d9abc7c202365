package dev.stageport.bench;

import dev.stageport.client.OdcClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Times the operation list with each filter the spec lists (one client, one request
 * at a time, so each figure is the server's latency for that query), sorted, on the
 * first page and on a deep page (offset 5,000). The created-date window covers the
 * last two days of the generated history, so it matches the same rows at every size.
 */
final class HistoryQueries {

    static final int DEEP_OFFSET = 5_000;
    private static final String LIST = "/api/deployments/v1/deployment-operations";

    private final String url;
    private final OdcClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    HistoryQueries(String url, String clientId, String secret) {
        this.url = url;
        this.client = new OdcClient(url, clientId, secret);
    }

    /** Query name to its parameters, built from one row of the history itself. */
    Map<String, String> queries() {
        JsonNode row = client.get(LIST + "?limit=1&sort=-CreatedAt").path("results").get(0);
        // the response does not name the stage, so take one from the stage list
        String stage = client.get("/api/portfolios/v1/environments").path("results").get(0).path("key").asString();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("none", "sort=-CreatedAt");
        queries.put("environmentKey", "environmentKey=" + stage + "&sort=-CreatedAt");
        queries.put("status", "status=FinishedWithError&sort=-CreatedAt");
        queries.put("assetKey", "assetKey=" + row.path("assetKey").asString() + "&sort=-CreatedAt");
        queries.put("revision", "assetKey=" + row.path("assetKey").asString() + "&revision=2&sort=-CreatedAt");
        queries.put("portfolioKey", "portfolioKey=" + row.path("portfolioKey").asString() + "&sort=-CreatedAt");
        queries.put("operations", "operations=Undeploy&sort=-CreatedAt");
        queries.put("createdDate", "createdDateSince=2025-12-30T00:00:00Z&createdDateTo=2026-01-01T00:00:00Z"
                + "&sort=-CreatedAt");
        queries.put("permissionFilter", "permissionFilter=AppDeploy." + stage + "&sort=-CreatedAt");
        queries.put("sort by name", "sort=AssetName,-CreatedAt");
        return queries;
    }

    /** {query: {first: Stats, deep: Stats}} in milliseconds. */
    Map<String, Object> measure(Map<String, String> queries, int samples) throws IOException, InterruptedException {
        String token = client.tokens().token();
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Map<String, Object> pages = new LinkedHashMap<>();
            pages.put("first", time(token, q.getValue(), 0, samples));
            pages.put("deep", time(token, q.getValue(), DEEP_OFFSET, samples));
            result.put(q.getKey(), pages);
        }
        return result;
    }

    /**
     * The page size varies from 91 to 100 between requests: H2 hands back the previous
     * result of an identical query while no table changed, which would time a cache.
     */
    private Stats time(String token, String query, int offset, int samples) throws IOException,
            InterruptedException {
        double[] ms = new double[samples];
        for (int i = -Math.max(5, samples / 5); i < samples; i++) {
            int limit = 100 - Math.floorMod(i, 10);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + LIST + "?" + query + "&limit=" + limit
                    + "&offset=" + offset)).header("Authorization", "Bearer " + token).GET().build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            if (i >= 0) {
                ms[i] = took / 1e6;
            }
        }
        return Stats.of(ms);
    }
}
