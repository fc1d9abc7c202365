package dev.stageport.configurations;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configuration past operations applied: shown from their snapshot, and put
 * back as pending values so that redeploying an older build can reuse it.
 */
@Service
public class ConfigurationHistoryService {

    /** Origins that mean "a value was set for the asset in the stage", as opposed to an inherited default. */
    private static final Set<Origin> SET_IN_STAGE = EnumSet.of(Origin.EnvironmentLevelOverride,
            Origin.ApplicationLevelOverride, Origin.LibraryLevelOverride);

    private final ApplyingOperations operations;
    private final ConfigTargets targets;
    private final ConfigurationRepository values;
    private final ConfigChangeRepository changes;
    private final Clock clock;

    public ConfigurationHistoryService(ApplyingOperations operations, ConfigTargets targets,
                                       ConfigurationRepository values, ConfigChangeRepository changes, Clock clock) {
        this.operations = operations;
        this.targets = targets;
        this.values = values;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AppliedConfiguration applied(Caller caller, String operationKey) {
        String key = Keys.parse(operationKey, "operationKey").toString();
        ApplyingOperations.Applying op = operations.find(key)
                .orElseThrow(() -> ApiException.notFound("There is no deployment operation with the key " + key + "."));
        // looked up by its own key: a refusal must not tell which stage the operation ran in
        caller.requireUnnamed(Permission.STAGE_VIEW, op.environmentKey(), "the operation " + key);
        Map<String, ConfigSnapshot.Entry> snapshot = snapshot(op);
        List<AppliedConfiguration.Item> items = new ArrayList<>();
        snapshot.forEach((path, e) -> items.add(new AppliedConfiguration.Item(path,
                ResultAssembler.shown(e.value(), e.secret(), false), e.origin(), e.secret(), e.filename())));
        return new AppliedConfiguration(op.key(), op.operation(), op.environmentKey(), op.assetKey(),
                op.revision(), items);
    }

    /**
     * Sets the values the operation applied as pending values of the app in the stage.
     * Values it took from a default are only written where the stage has a value of its
     * own today (an override is never deleted, so it is set back to that default).
     * Sealed secrets are copied sealed: nothing is decrypted here.
     */
    @Transactional
    public void restore(Caller caller, String environmentKey, String applicationKey, RestoreRequest body) {
        ConfigTargets.Target target = targets.target(caller, Permission.EDIT_CONFIGURATIONS, environmentKey,
                applicationKey, ConfigTargets.Kind.APP);
        if (body == null || body.operationKey() == null || body.operationKey().isBlank()) {
            throw ApiException.badRequest("'operationKey' is required: the operation whose configuration to restore.");
        }
        String key = Keys.parse(body.operationKey(), "operationKey").toString();
        ApplyingOperations.Applying op = operations.find(key)
                .orElseThrow(() -> ApiException.notFound("There is no deployment operation with the key " + key + "."));
        if (!op.environmentKey().equals(target.environmentKey()) || !op.assetKey().equals(target.asset().key())) {
            throw ApiException.badRequest("The operation " + key + " did not run for the app "
                    + target.asset().key() + " in the stage " + target.environmentKey() + ".");
        }
        Map<String, ConfigSnapshot.Entry> snapshot = snapshot(op);
        Map<String, ConfigValue> current = values.values(target.environmentKey(), target.asset().key());
        Instant now = clock.instant();
        snapshot.forEach((path, e) -> {
            Origin origin = Origin.parse(e.origin());
            boolean wasSet = origin != null && SET_IN_STAGE.contains(origin);
            // Stage-level system defaults are the stage's, not the app's: restoring them as app overrides would pin them.
            if ((wasSet || current.containsKey(path)) && origin != Origin.EnvironmentLevelDefault && e.value() != null) {
                ConfigValue before = current.get(path);
                values.setPending(target.environmentKey(), target.asset().key(), path, e.value(), e.secret(),
                        e.filename(), now, caller.clientId());
                boolean secret = e.secret() || (before != null && before.encrypted());
                changes.insert(ConfigChange.of(target.environmentKey(), target.asset().key(), path, null,
                        before == null ? null : before.valueText(), e.value(), secret, ConfigChange.Source.Restore,
                        op.key(), caller.clientId(), now));
            }
        });
    }

    private static Map<String, ConfigSnapshot.Entry> snapshot(ApplyingOperations.Applying op) {
        Map<String, ConfigSnapshot.Entry> snapshot = ConfigSnapshot.parse(op.appliedConfig());
        if (snapshot.isEmpty()) {
            throw ApiException.notFound("The operation " + op.key() + " applied no configuration.");
        }
        return snapshot;
    }
}
