package dev.stageport.configurations;

import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Placeholder, replaced by the configurations feature: resolves every setting to
 * the revision's default and marks nothing applied.
 */
@Component
public class ConfigurationResolver implements EffectiveConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AssetRepository assets;

    public ConfigurationResolver(AssetRepository assets) {
        this.assets = assets;
    }

    @Override
    public Resolved resolve(String environmentKey, String assetKey, int revision) {
        AssetRevision found = assets.findRevision(assetKey, revision)
                .orElseThrow(() -> new ConfigurationRejected("Revision " + revision + " of asset " + assetKey
                        + " does not exist."));
        ConfigSchema schema = ConfigSchema.parse(found.configSchema());
        ObjectNode snapshot = JSON.createObjectNode();
        for (ConfigSchema.Setting setting : schema.settings()) {
            ObjectNode item = snapshot.putObject("settings/" + setting.key());
            item.put("value", setting.defaultValue());
            item.put("secret", setting.isSecret());
        }
        return new Resolved(JSON.writeValueAsString(snapshot), Map.of(),
                List.of(schema.settings().size() + " settings from the revision's defaults"));
    }

    @Override
    public void markApplied(String environmentKey, String assetKey, Resolved resolved) {
        // placeholder: no stage values exist yet
    }
}
