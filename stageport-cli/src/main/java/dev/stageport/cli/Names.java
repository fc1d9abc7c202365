package dev.stageport.cli;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.model.Environment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Lets people name stages and assets by name as well as by key. */
final class Names {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Names() {
    }

    static boolean isKey(String value) {
        return UUID.matcher(value).matches();
    }

    static String stageKey(OdcClient client, String stage) {
        if (isKey(stage)) {
            return stage.toLowerCase();
        }
        List<Environment> stages = new Odc(client).environments();
        return stages.stream().filter(s -> s.name().equalsIgnoreCase(stage)).map(Environment::key).findFirst()
                .orElseThrow(() -> new UsageException("no stage named '" + stage + "' (stages: "
                        + String.join(", ", stages.stream().map(Environment::name).toList()) + ")"));
    }

    static String assetKey(OdcClient client, String asset) {
        if (isKey(asset)) {
            return asset.toLowerCase();
        }
        String query = URLEncoder.encode(asset, StandardCharsets.UTF_8);
        List<JsonNode> matches = new ArrayList<>();
        client.list("/api/asset-repository/v1/assets?limit=100&nameContains=" + query)
                .filter(a -> a.path("name").asString().equalsIgnoreCase(asset))
                .forEach(matches::add);
        if (matches.size() != 1) {
            throw new UsageException(matches.isEmpty() ? "no asset named '" + asset + "'"
                    : "several assets are named '" + asset + "': use its key");
        }
        return matches.get(0).path("assetKey").asString();
    }
}
