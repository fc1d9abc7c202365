package dev.stageport.console;

import dev.stageport.configurations.ApplicationConfigPatch;
import dev.stageport.configurations.ApplicationConfigResult;
import dev.stageport.configurations.ConfigurationDiff;
import dev.stageport.configurations.ConfigurationService;
import dev.stageport.configschema.DataType;
import dev.stageport.configurations.GenericConfigPatch;
import dev.stageport.configurations.GenericConfigResult;
import dev.stageport.configurations.StageDiffService;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.PortfolioService;
import dev.stageport.portfolio.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The configuration pages: one stage's setting values with their origins, and two stages side by
 * side. A secret is never shown, only whether it is set and whether the two stages' values differ.
 */
@Service
class ConfigPages {

    static final String SET = "(set)";
    static final String NOT_SET = "(not set)";

    record Value(String shown, String origin, boolean pending) {
    }

    /** {@code editable}: the console can set the value (not a binary one, which needs a file). */
    record Row(String key, String name, String description, boolean secret, boolean editable, Value from, Value to,
               boolean differs) {
    }

    record Side(Stage stage, Integer revision, boolean deployed) {
    }

    record Comparison(Side from, Side to, List<Row> rows) {

        /** Some value of the first stage was set since it was last applied. */
        public boolean pending() {
            return rows.stream().anyMatch(r -> r.from() != null && r.from().pending());
        }
    }

    private final ConfigurationService configurations;
    private final StageDiffService diffs;
    private final DeployedAssetRepository deployed;
    private final PortfolioService portfolio;

    ConfigPages(ConfigurationService configurations, StageDiffService diffs, DeployedAssetRepository deployed,
                PortfolioService portfolio) {
        this.configurations = configurations;
        this.diffs = diffs;
        this.deployed = deployed;
        this.portfolio = portfolio;
    }

    /** One stage; {@code to} stays empty in every row. */
    Comparison single(Caller caller, String assetKey, String stageKey) {
        Side side = side(caller, assetKey, stageKey);
        Map<String, Row> rows = new LinkedHashMap<>();
        settings(caller, side, assetKey).forEach(s -> rows.put(s.key(),
                new Row(s.key(), s.name(), s.description(), s.isSecret(), editable(s), value(s), null, false)));
        return new Comparison(side, null, List.copyOf(rows.values()));
    }

    Comparison compare(Caller caller, String assetKey, String fromKey, String toKey) {
        Side from = side(caller, assetKey, fromKey);
        Side to = side(caller, assetKey, toKey);
        Set<String> differing = new HashSet<>();
        if (from.deployed() && to.deployed()) {
            ConfigurationDiff diff = diffs.diff(caller, assetKey, from.stage().key(), to.stage().key(), false);
            diff.items().forEach(item -> differing.add(item.section() + "/" + item.key()));
        }
        Map<String, GenericConfigResult> left = byKey(settings(caller, from, assetKey));
        Map<String, GenericConfigResult> right = byKey(settings(caller, to, assetKey));
        Set<String> keys = new java.util.LinkedHashSet<>(left.keySet());
        keys.addAll(right.keySet());
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            GenericConfigResult a = left.get(key);
            GenericConfigResult b = right.get(key);
            GenericConfigResult any = a != null ? a : b;
            boolean differs = a == null || b == null || differing.contains("settings/" + key)
                    || differing.contains("settings/" + any.name());
            rows.add(new Row(any.key(), any.name(), any.description(), any.isSecret(), editable(any),
                    a == null ? null : value(a),
                    b == null ? null : value(b), differs));
        }
        return new Comparison(from, to, rows);
    }

    /**
     * Sets one setting's value in the stage, pending until the next Deploy or ApplyConfigs, with the
     * API's checks (Configuration management &gt; Edit configurations, the setting's type).
     */
    void setValue(Caller caller, String assetKey, String stageKey, String settingKey, String value) {
        Side side = side(caller, assetKey, stageKey);
        if (!side.deployed()) {
            throw ApiException.conflict("The app is not deployed in " + side.stage().name()
                    + "; deploy it before setting its values.");
        }
        if (settingKey == null || settingKey.isBlank()) {
            throw ApiException.badRequest("The form's 'settingKey' is required.");
        }
        GenericConfigResult setting = settings(caller, side, assetKey).stream()
                .filter(s -> s.key().equals(settingKey)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("'settingKey' " + settingKey + " is not a setting of the "
                        + "revision that runs in " + side.stage().name() + "."));
        if (setting.isSecret() && (value == null || value.isEmpty())) {
            throw ApiException.badRequest("'value' is empty: type the new secret (the old one is never shown).");
        }
        configurations.patchApp(caller, side.stage().key(), assetKey, new ApplicationConfigPatch(null, null,
                List.of(new GenericConfigPatch(setting.key(), value == null ? "" : value, null)), null, null, null,
                null));
    }

    private static boolean editable(GenericConfigResult s) {
        return s.dataType() != DataType.BinaryUrl;
    }

    private Side side(Caller caller, String assetKey, String stageKey) {
        Stage stage = portfolio.visibleStages(caller).stream().filter(s -> s.key().equalsIgnoreCase(stageKey))
                .findFirst().orElseThrow(() -> ApiException.stageNotFound(stageKey));
        caller.require(Permission.VIEW_CONFIGURATIONS, stage.key());
        return deployed.find(stage.key(), dev.stageport.web.Keys.parse(assetKey, "assetKey").toString())
                .map(d -> new Side(stage, d.revision(), true)).orElse(new Side(stage, null, false));
    }

    private List<GenericConfigResult> settings(Caller caller, Side side, String assetKey) {
        if (!side.deployed()) {
            return List.of();
        }
        ApplicationConfigResult result = configurations.deployedApp(caller, side.stage().key(), assetKey);
        return result.settings() == null ? List.of() : result.settings();
    }

    private static Map<String, GenericConfigResult> byKey(List<GenericConfigResult> settings) {
        Map<String, GenericConfigResult> map = new LinkedHashMap<>();
        settings.forEach(s -> map.put(s.key(), s));
        return map;
    }

    private static Value value(GenericConfigResult s) {
        String shown;
        if (s.isSecret()) {
            shown = s.value() != null || s.deployedValue() != null ? SET : NOT_SET;
        } else {
            shown = s.value() != null ? s.value() : s.defaultValue();
        }
        return new Value(shown, s.valueOrigin() == null ? "Default" : s.valueOrigin().name(),
                Boolean.TRUE.equals(s.valueSetAfterDeploy()));
    }
}
