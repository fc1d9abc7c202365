package dev.stageport.configurations;

import dev.stageport.assets.Asset;
import dev.stageport.portfolio.DeployedAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the GET view of one revision's configuration in a stage from the schema,
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

    static ApplicationConfigResult assemble(Asset asset, int baseline, ConfigSchema schema, DeployedAsset deployed,
                                            Map<String, ConfigValue> stage, View view) {
        Map<String, ConfigSnapshot.Entry> snapshot = deployed == null ? Map.of()
                : ConfigSnapshot.parse(deployed.configSnapshot());
        Map<String, ConfigItem> items = ConfigItem.of(schema);

        List<GenericConfigResult> settings = null;
        if (view.sections().contains(Section.settings)) {
            settings = new ArrayList<>();
            for (ConfigSchema.Setting s : schema.settings()) {
                ConfigItem item = items.get(ConfigItem.settingPath(s.key()));
                settings.add(result(item, s.key(), s.name(), s.description(), stage, snapshot, view));
            }
        }
        List<TimerResult> timers = null;
        if (view.sections().contains(Section.timers)) {
            timers = new ArrayList<>();
            for (ConfigSchema.Timer t : schema.timers()) {
                List<GenericConfigResult> configs = new ArrayList<>();
                for (String config : List.of(ConfigSchema.TIMER_IS_ACTIVE, ConfigSchema.TIMER_SCHEDULE)) {
                    ConfigItem item = items.get(ConfigItem.timerPath(t.key(), config));
                    configs.add(result(item, config, config, null, stage, snapshot, view));
                }
                timers.add(new TimerResult(t.key(), t.name(), t.description(), configs));
            }
        }
        return new ApplicationConfigResult(asset.key(), asset.name(), baseline,
                deployed == null ? null : deployed.revision(),
                settings, timers,
                view.sections().contains(Section.integrations) ? List.of() : null,
                view.sections().contains(Section.libraries) ? List.of() : null,
                deployed == null ? null : deployed.deployedAt(),
                view.sections().contains(Section.systemConfigurations) ? List.of() : null);
    }

    private static GenericConfigResult result(ConfigItem item, String key, String name, String description,
                                              Map<String, ConfigValue> stage, Map<String, ConfigSnapshot.Entry> snapshot,
                                              View view) {
        ConfigValue set = stage.get(item.path());
        ConfigSnapshot.Entry deployed = snapshot.get(item.path());
        // A value once stored encrypted stays masked even if a later revision drops the secret flag.
        boolean secret = item.secret() || (set != null && set.encrypted());
        boolean deployedSecret = secret || (deployed != null && deployed.secret());
        boolean hideBinary = item.dataType() == DataType.BinaryUrl && !view.showBinaryValues();

        String value = set != null ? set.valueText() : item.defaultValue();
        String deployedValue = deployed == null ? null : deployed.value();
        return new GenericConfigResult(
                key, name, description, item.dataType(),
                shown(item.defaultValue(), secret, hideBinary),
                shown(deployedValue, deployedSecret, hideBinary),
                shown(value, secret, hideBinary),
                set != null ? Origin.EnvironmentLevelOverride : Origin.ApplicationLevelDefault,
                deployed == null ? null : Origin.parse(deployed.origin()),
                item.secret(),
                set != null && !set.applied(),
                set == null ? null : set.updatedAt(),
                set != null ? set.filename() : deployed == null ? null : deployed.filename());
    }

    private static String shown(String value, boolean secret, boolean hideBinary) {
        if (value == null || hideBinary) {
            return null;
        }
        return secret ? MASK : value;
    }
}
