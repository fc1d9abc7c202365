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
        return isKey(stage) ? stage.toLowerCase() : stageKey(new Odc(client).environments(), stage);
    }

    /**
     * The key of the stage with this name among those the caller may view. A stage it may
     * not view is not listed, so it cannot tell that one from a typo: it says both.
     */
    static String stageKey(List<Environment> visible, String stage) {
        if (isKey(stage)) {
            return stage.toLowerCase();
        }
        return visible.stream().filter(s -> s.name().equalsIgnoreCase(stage)).map(Environment::key).findFirst()
                .orElseThrow(() -> new UsageException("no stage named '" + stage + "': not found or not permitted"
                        + " (stages you may view: " + String.join(", ", visible.stream().map(Environment::name)
                        .toList()) + ")"));
    }

    static String assetKey(OdcClient client, String asset) {
        return isKey(asset) ? asset.toLowerCase() : asset(client, asset).path("assetKey").asString();
    }

    /** The one asset with this name, as the asset list answers it. */
    static JsonNode asset(OdcClient client, String asset) {
        String query = URLEncoder.encode(asset, StandardCharsets.UTF_8);
        List<JsonNode> matches = new ArrayList<>();
        client.list("/api/asset-repository/v1/assets?limit=100&nameContains=" + query)
                .filter(a -> a.path("name").asString().equalsIgnoreCase(asset))
                .forEach(matches::add);
        if (matches.size() != 1) {
            throw new UsageException(matches.isEmpty() ? "no asset named '" + asset + "'"
                    : "several assets are named '" + asset + "': use its key");
        }
        return matches.get(0);
    }
}
