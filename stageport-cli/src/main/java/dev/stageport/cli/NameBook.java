package dev.stageport.cli;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.OdcException;
import dev.stageport.client.model.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The names a command prints next to the keys the API answers with, looked up at most
 * once per command: the stage list in one call, each asset once. A key whose name is
 * not known (a stage the caller may not view) is shown as the key.
 */
final class NameBook {

    private final OdcClient client;
    private List<Environment> stages;
    private final Map<String, String> assets = new HashMap<>();

    NameBook(OdcClient client) {
        this.client = client;
    }

    /** The stages the caller may view, in their order. */
    List<Environment> stages() {
        if (stages == null) {
            stages = new Odc(client).environments();
        }
        return stages;
    }

    String stageKey(String stage) {
        return Names.isKey(stage) ? stage.toLowerCase() : Names.stageKey(stages(), stage);
    }

    String assetKey(String asset) {
        if (Names.isKey(asset)) {
            return asset.toLowerCase();
        }
        JsonNode found = Names.asset(client, asset);
        String key = found.path("assetKey").asString();
        assets.put(key, found.path("name").asString(key));
        return key;
    }

    String stage(String key) {
        if (key == null || key.equals("*")) {
            return key;
        }
        return stages().stream().filter(s -> s.key().equalsIgnoreCase(key)).map(Environment::name).findFirst()
                .orElse(key);
    }

    String asset(String key) {
        return assets.computeIfAbsent(key.toLowerCase(), k -> {
            try {
                return client.get("/api/asset-repository/v1/assets/" + k).path("name").asString(k);
            } catch (OdcException e) {
                if (e.status() == 403 || e.status() == 404) {
                    return k;
                }
                throw e;
            }
        });
    }

    /** Per-stage grants as people write them: {@code AppDeploy@QA StageView@*}. */
    String grants(JsonNode permissions) {
        List<String> grants = new java.util.ArrayList<>();
        permissions.forEach(p -> grants.add(p.path("permission").asString() + "@"
                + stage(p.path("environmentKey").asString())));
        return String.join(" ", grants);
    }
}
