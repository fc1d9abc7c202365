package dev.stageport.configurations;

import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.secrets.SecretCipher;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an app's configuration differs between two stages: pending values by default (what the
 * next Deploy or ApplyConfigs would run with), or what runs now. Secrets are compared by a keyed
 * digest and never shown.
 */
@Service
public class StageDiffService {

    static final String DIFFERS = "(differs)";

    /** One stage's effective value of an item; {@code compared} is the value or, for a secret, its digest. */
    private record Effective(String value, String compared, String origin, boolean pending, boolean secret) {
    }

    private record Stage(Map<String, Effective> items, Map<String, String> names) {
    }

    private final ConfigTargets targets;
    private final AssetRepository assets;
    private final DeployedAssetRepository deployedAssets;
    private final ConfigModelLoader models;
    private final ConfigurationRepository values;
    private final SecretCipher cipher;

    public StageDiffService(ConfigTargets targets, AssetRepository assets, DeployedAssetRepository deployedAssets,
                            ConfigModelLoader models, ConfigurationRepository values, SecretCipher cipher) {
        this.targets = targets;
        this.assets = assets;
        this.deployedAssets = deployedAssets;
        this.models = models;
        this.values = values;
        this.cipher = cipher;
    }

    @Transactional(readOnly = true)
    public ConfigurationDiff diff(Caller caller, String applicationKey, String from, String to, Boolean deployed) {
        String fromKey = Keys.parse(required(from, "from"), "from").toString();
        String toKey = Keys.parse(required(to, "to"), "to").toString();
        if (fromKey.equals(toKey)) {
            throw ApiException.badRequest("'from' and 'to' are the same stage " + fromKey + "; name two stages.");
        }
        boolean running = Boolean.TRUE.equals(deployed);
        requireView(caller, fromKey, "from");
        requireView(caller, toKey, "to");
        ConfigTargets.Target left = targets.target(caller, Permission.VIEW_CONFIGURATIONS, fromKey, applicationKey,
                ConfigTargets.Kind.APP);
        ConfigTargets.Target right = targets.target(caller, Permission.VIEW_CONFIGURATIONS, toKey, applicationKey,
                ConfigTargets.Kind.APP);
        Stage a = stage(left, running, "from");
        Stage b = stage(right, running, "to");
        Set<String> paths = new LinkedHashSet<>(a.items().keySet());
        paths.addAll(b.items().keySet());
        List<ConfigurationDiff.Item> items = new ArrayList<>();
        for (String path : paths) {
            Effective x = a.items().get(path);
            Effective y = b.items().get(path);
            if (x != null && y != null && Objects.equals(x.compared(), y.compared())
                    && Objects.equals(x.origin(), y.origin())) {
                continue;
            }
            boolean sameValue = x != null && y != null && Objects.equals(x.compared(), y.compared());
            String name = a.names().getOrDefault(path, b.names().get(path));
            items.add(new ConfigurationDiff.Item(ConfigChange.section(path), ConfigChange.itemKey(path), name,
                    side(x, sameValue), side(y, sameValue)));
        }
        return new ConfigurationDiff(left.asset().key(), fromKey, toKey, running, items);
    }

    private static ConfigurationDiff.Side side(Effective e, boolean sameValue) {
        if (e == null) {
            return null;
        }
        String shown = !e.secret() ? e.value() : sameValue ? ResultAssembler.MASK : DIFFERS;
        return new ConfigurationDiff.Side(shown, e.origin(), e.pending());
    }

    private Stage stage(ConfigTargets.Target target, boolean running, String param) {
        String env = target.environmentKey();
        String asset = target.asset().key();
        DeployedAsset deployed = deployedAssets.find(env, asset).orElse(null);
        if (running && deployed == null) {
            throw ApiException.notFound("The app " + asset + " is not deployed in the stage '" + param + "' (" + env
                    + "); leave 'deployed' out to compare pending values.");
        }
        int revision = deployed != null ? deployed.revision() : assets.latestRevision(asset)
                .map(AssetRevision::revision).orElseThrow(() -> ApiException.notFound("The app " + asset
                        + " has no revision."));
        AssetRevision r = assets.findRevision(asset, revision).orElseThrow(() -> ApiException.notFound(
                "The app " + asset + " has no revision " + revision + "."));
        ConfigModel model = models.load(env, target.asset(), r.configSchema());
        Map<String, String> names = new LinkedHashMap<>();
        model.items().values().forEach(i -> names.put(i.path(), i.name() == null ? i.key() : i.name()));
        Map<String, Effective> items = new LinkedHashMap<>();
        if (running) {
            ConfigSnapshot.parse(deployed.configSnapshot()).forEach((path, e) -> items.put(path,
                    effective(e.value(), e.secret(), e.secret(), e.origin(), false)));
            return new Stage(items, names);
        }
        Map<String, ConfigValue> set = values.values(env, asset);
        for (ConfigItem item : model.items().values()) {
            ConfigValue v = set.get(item.path());
            if (v == null) {
                items.put(item.path(), effective(item.defaultValue(), false, item.secret(),
                        item.defaultOrigin().name(), false));
            } else {
                items.put(item.path(), effective(v.valueText(), v.encrypted(), item.secret() || v.encrypted(),
                        item.overrideOrigin().name(), !v.applied()));
            }
        }
        return new Stage(items, names);
    }

    private Effective effective(String stored, boolean sealed, boolean secret, String origin, boolean pending) {
        if (!secret) {
            return new Effective(stored, stored, origin, pending, false);
        }
        String clear = stored;
        if (sealed && stored != null) {
            try {
                clear = cipher.decryptText(stored);
            } catch (RuntimeException e) {
                clear = null; // undecryptable (another master key): compared as its sealed text, so it differs
            }
        }
        String compared = clear != null ? cipher.digest(clear) : stored == null ? null : "sealed:" + stored;
        return new Effective(null, compared, origin, pending, true);
    }

    private static void requireView(Caller caller, String environmentKey, String param) {
        caller.require(Permission.VIEW_CONFIGURATIONS, environmentKey, param);
    }

    private static String required(String value, String param) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + param + "' is required: the key of a stage (environmentKey).");
        }
        return value;
    }
}
