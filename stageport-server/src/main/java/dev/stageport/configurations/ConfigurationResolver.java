package dev.stageport.configurations;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.configschema.ValueRules;
import dev.stageport.secrets.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configuration side of Deploy and ApplyConfigs: what a revision would run
 * with in a stage, and marking the values it read as applied afterwards.
 */
@Component
public class ConfigurationResolver implements EffectiveConfiguration {

    private final AssetRepository assets;
    private final ConfigurationRepository values;
    private final ConfigModelLoader models;
    private final SecretCipher cipher;
    private final ConfigChangeRepository changes;
    private final ApplyingOperations operations;
    private final Clock clock;

    public ConfigurationResolver(AssetRepository assets, ConfigurationRepository values, ConfigModelLoader models,
                                 SecretCipher cipher, ConfigChangeRepository changes, ApplyingOperations operations,
                                 Clock clock) {
        this.assets = assets;
        this.values = values;
        this.models = models;
        this.cipher = cipher;
        this.changes = changes;
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Resolved resolve(String environmentKey, String assetKey, int revision) {
        AssetRepository.RevisionOfAsset found = assets.findRevisionOfAsset(assetKey, revision)
                .orElseThrow(() -> new ConfigurationRejected("The asset " + assetKey + " has no revision "
                        + revision + "."));
        AssetRevision target = found.revision();
        Asset asset = found.asset();
        ConfigModel model = models.load(environmentKey, asset, target.configSchema());
        Map<String, ConfigValue> stage = values.values(environmentKey, assetKey);
        Map<String, ConfigSnapshot.Entry> snapshot = new LinkedHashMap<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        // Stage values for keys the target revision no longer has are simply not part of it.
        for (ConfigItem item : model.items().values()) {
            ConfigValue set = stage.get(item.path());
            if (set == null) {
                String value = item.defaultValue();
                String sealed = item.secret() && value != null ? cipher.encryptText(value) : value;
                snapshot.put(item.path(), new ConfigSnapshot.Entry(sealed, item.secret(),
                        item.defaultOrigin().name(), null));
                summary.add(line(item, value, item.secret(), item.defaultOrigin()));
                continue;
            }
            Optional<String> clear = clear(set);
            if (clear.isEmpty()) {
                problems.add(item.label() + " holds a secret this server cannot decrypt (wrong master key?).");
                continue;
            }
            Optional<String> expected = ValueRules.problem(item.dataType(), clear.get(), set.filename());
            if (expected.isPresent()) {
                problems.add(item.label() + " (key " + keyOf(item) + ") has a stage value that revision " + revision
                        + " does not accept: it expects " + expected.get() + ".");
                continue;
            }
            // Once sealed, always sealed: a revision that drops the secret flag does not unmask the stage value.
            boolean secret = item.secret() || set.encrypted();
            String stored = secret ? (set.encrypted() ? set.valueText() : cipher.encryptText(clear.get()))
                    : clear.get();
            snapshot.put(item.path(), new ConfigSnapshot.Entry(stored, secret,
                    item.overrideOrigin().name(), set.filename()));
            versions.put(item.path(), set.version());
            summary.add(line(item, clear.get(), secret, item.overrideOrigin()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationRejected(String.join(" ", problems));
        }
        return new Resolved(ConfigSnapshot.write(snapshot), Map.copyOf(versions), List.copyOf(summary));
    }

    @Override
    @Transactional
    public void markApplied(String environmentKey, String assetKey, Resolved resolved) {
        // Conditional on the version read: a value changed since resolve() stays pending.
        Map<String, ConfigSnapshot.Entry> applied = ConfigSnapshot.parse(resolved.snapshotJson());
        Optional<ApplyingOperations.Applying> operation = Optional.empty();
        Instant now = clock.instant();
        for (Map.Entry<String, Long> v : resolved.versions().entrySet()) {
            if (values.markApplied(environmentKey, assetKey, v.getKey(), v.getValue())) {
                if (operation.isEmpty()) {
                    // the one active operation of the asset in the stage is the one applying it
                    operation = operations.active(environmentKey, assetKey);
                }
                ConfigSnapshot.Entry e = applied.get(v.getKey());
                changes.insert(ConfigChange.of(environmentKey, assetKey, v.getKey(), null, null,
                        e == null ? null : e.value(), e == null || e.secret(), ConfigChange.Source.Applied,
                        operation.map(ApplyingOperations.Applying::key).orElse(null),
                        operation.map(ApplyingOperations.Applying::deployedBy).orElse(null), now));
            }
        }
    }

    private Optional<String> clear(ConfigValue set) {
        if (!set.encrypted()) {
            return Optional.of(set.valueText() == null ? "" : set.valueText());
        }
        try {
            return Optional.of(cipher.decryptText(set.valueText()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String keyOf(ConfigItem item) {
        return item.path().substring(item.path().indexOf('/') + 1);
    }


    private static String line(ConfigItem item, String value, boolean secret, Origin origin) {
        String shown;
        if (value == null) {
            shown = "(no value)";
        } else if (secret) {
            shown = ResultAssembler.MASK;
        } else {
            String flat = value.replaceAll("\\s+", " ");
            shown = flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
        }
        return item.label() + " = " + shown + " (" + origin.name() + ")";
    }
}
