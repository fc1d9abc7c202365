package dev.stageport.configurations;

import dev.stageport.assets.Asset;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import dev.stageport.portfolio.DeployedAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the GET view of one revision's configuration in a stage from its model,
 * the stage's values and the deployed snapshot. Pure: no database, no decryption,
 * so a secret cannot leak from here even by mistake.
 */
final class ResultAssembler {

    static final String MASK = "********";

    private ResultAssembler() {
    }

    /** What the caller asked to see. */
    record View(Set<Section> sections, boolean showBinaryValues) {
    }

    enum Section { systemConfigurations, settings, timers, integrations, libraries }

    private record Ctx(Map<String, ConfigItem> items, Map<String, ConfigValue> stage,
                       Map<String, ConfigSnapshot.Entry> snapshot, View view) {
    }

    static ApplicationConfigResult assemble(Asset asset, int baseline, ConfigModel model, DeployedAsset deployed,
                                            Map<String, ConfigValue> stage, View view) {
        Map<String, ConfigSnapshot.Entry> snapshot = deployed == null ? Map.of()
                : ConfigSnapshot.parse(deployed.configSnapshot());
        Ctx ctx = new Ctx(model.items(), stage, snapshot, view);
        Set<Section> sections = view.sections();
        ConfigSchema schema = model.schema();

        List<GenericConfigResult> system = null;
        if (sections.contains(Section.systemConfigurations) && model.systemConfigurations()) {
            system = new ArrayList<>();
            for (ConfigSchema.Setting s : SystemConfigurations.CATALOG) {
                system.add(result(ctx, ConfigItem.systemPath(s.key())));
            }
        }
        List<TimerResult> timers = null;
        if (sections.contains(Section.timers)) {
            timers = new ArrayList<>();
            for (ConfigSchema.Timer t : schema.timers()) {
                List<GenericConfigResult> configs = new ArrayList<>();
                for (String config : List.of(ConfigSchema.TIMER_IS_ACTIVE, ConfigSchema.TIMER_SCHEDULE)) {
                    configs.add(result(ctx, ConfigItem.timerPath(t.key(), config), config, null));
                }
                timers.add(new TimerResult(t.key(), t.name(), t.description(), configs));
            }
        }
        List<LibraryConfigResult> libraries = null;
        if (sections.contains(Section.libraries)) {
            libraries = new ArrayList<>();
            for (ConfigModel.Library lib : model.libraries()) {
                String prefix = "libraries/" + lib.key() + "/";
                libraries.add(new LibraryConfigResult(lib.key(), lib.name(), lib.revision(), lib.revision(), List.of(),
                        settings(ctx, lib.schema(), prefix), integrations(ctx, lib.schema(), prefix)));
            }
        }
        return new ApplicationConfigResult(asset.key(), asset.name(), baseline,
                deployed == null ? null : deployed.revision(),
                sections.contains(Section.settings) ? settings(ctx, schema, "") : null,
                timers,
                sections.contains(Section.integrations) ? integrations(ctx, schema, "") : null,
                libraries,
                deployed == null ? null : deployed.deployedAt(),
                system);
    }

    private static List<GenericConfigResult> settings(Ctx ctx, ConfigSchema schema, String prefix) {
        List<GenericConfigResult> out = new ArrayList<>();
        for (ConfigSchema.Setting s : schema.settings()) {
            out.add(result(ctx, prefix + ConfigItem.settingPath(s.key())));
        }
        return out;
    }

    private static List<IntegrationResult> integrations(Ctx ctx, ConfigSchema schema, String prefix) {
        List<IntegrationResult> out = new ArrayList<>();
        for (ConfigSchema.Integration i : schema.integrations()) {
            List<GenericConfigResult> configs = new ArrayList<>();
            for (ConfigSchema.Setting c : i.configs()) {
                configs.add(result(ctx, prefix + ConfigItem.integrationPath(i.key(), c.key())));
            }
            out.add(new IntegrationResult(i.key(), i.name(), i.pluginType(), configs));
        }
        return out;
    }

    private static GenericConfigResult result(Ctx ctx, String path) {
        ConfigItem item = ctx.items().get(path);
        return result(ctx, path, item.key(), item.description());
    }

    private static GenericConfigResult result(Ctx ctx, String path, String name, String description) {
        ConfigItem item = ctx.items().get(path);
        ConfigValue set = ctx.stage().get(path);
        ConfigSnapshot.Entry deployed = ctx.snapshot().get(path);
        // A value once stored encrypted stays masked even if a later revision drops the secret flag.
        boolean secret = item.secret() || (set != null && set.encrypted());
        boolean deployedSecret = secret || (deployed != null && deployed.secret());
        boolean hideBinary = item.dataType() == DataType.BinaryUrl && !ctx.view().showBinaryValues();
        String shownName = item.kind() == ConfigItem.Kind.TIMER ? name : item.name();

        String value = set != null ? set.valueText() : item.defaultValue();
        String deployedValue = deployed == null ? null : deployed.value();
        return new GenericConfigResult(
                item.key(), shownName, description, item.dataType(),
                shown(item.defaultValue(), secret, hideBinary),
                shown(deployedValue, deployedSecret, hideBinary),
                shown(value, secret, hideBinary),
                set != null ? item.overrideOrigin() : item.defaultOrigin(),
                deployed == null ? null : Origin.parse(deployed.origin()),
                item.secret(),
                pending(item, set, value, deployed),
                set == null ? null : set.updatedAt(),
                set != null ? set.filename() : deployed == null ? null : deployed.filename());
    }

    /**
     * A value waits for the next Deploy or ApplyConfigs when it was set after the last one,
     * or when the stage-wide default it inherits changed since (it then differs from what runs).
     */
    private static boolean pending(ConfigItem item, ConfigValue set, String value, ConfigSnapshot.Entry deployed) {
        if (set != null) {
            return !set.applied();
        }
        return deployed != null && item.defaultOrigin() == Origin.EnvironmentLevelDefault
                && !java.util.Objects.equals(value, deployed.value());
    }

    static String shown(String value, boolean secret, boolean hideBinary) {
        if (value == null || hideBinary) {
            return null;
        }
        return secret ? MASK : value;
    }
}
