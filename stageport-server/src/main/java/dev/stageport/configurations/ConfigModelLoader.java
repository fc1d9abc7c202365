package dev.stageport.configurations;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.configschema.ConfigSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Loads a {@link ConfigModel}: the revision's schema plus its libraries' schemas and the stage defaults. */
@Component
class ConfigModelLoader {

    static final String AGENT = "Agent";
    static final String LIBRARY = "LowCodeLibrary";

    private final AssetRepository assets;
    private final StageDefaultRepository stageDefaults;

    ConfigModelLoader(AssetRepository assets, StageDefaultRepository stageDefaults) {
        this.assets = assets;
        this.stageDefaults = stageDefaults;
    }

    ConfigModel load(String environmentKey, Asset asset, String schemaJson) {
        ConfigSchema schema = ConfigSchema.parse(schemaJson);
        List<ConfigModel.Library> libraries = new ArrayList<>();
        for (ConfigSchema.LibraryRef ref : schema.libraries()) {
            // A library revision missing here contributes no items rather than failing every GET and deploy.
            Asset lib = assets.find(ref.assetKey()).orElse(null);
            ConfigSchema libSchema = assets.findRevision(ref.assetKey(), ref.revision())
                    .map(r -> ConfigSchema.parse(r.configSchema())).orElse(new ConfigSchema(null, null));
            libraries.add(new ConfigModel.Library(ref.assetKey(), ref.revision(), lib, libSchema));
        }
        boolean system = hasSystemConfigurations(asset);
        Map<String, String> defaults = system ? stageDefaults.values(environmentKey) : Map.of();
        return ConfigModel.of(schema, libraries, system, defaults);
    }

    /** Agents and libraries run no app runtime of their own, so the system catalog does not apply to them. */
    static boolean hasSystemConfigurations(Asset asset) {
        return !AGENT.equals(asset.assetType()) && !LIBRARY.equals(asset.assetType());
    }
}
