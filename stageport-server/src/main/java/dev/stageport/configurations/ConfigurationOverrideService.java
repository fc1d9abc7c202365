package dev.stageport.configurations;

import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a value an app was given in a stage so that its default applies again. Like a
 * PATCH, the change reaches the running app with the next Deploy or ApplyConfigs.
 */
@Service
public class ConfigurationOverrideService {

    private static final int MAX_ITEM_LENGTH = 300;

    private final ConfigTargets targets;
    private final ConfigurationRepository values;
    private final ConfigChangeRepository history;
    private final Clock clock;

    public ConfigurationOverrideService(ConfigTargets targets, ConfigurationRepository values,
                                        ConfigChangeRepository history, Clock clock) {
        this.targets = targets;
        this.values = values;
        this.history = history;
        this.clock = clock;
    }

    /** @param item the item path, e.g. {@code settings/GreetingText} or {@code timers/Cleanup/IsActive} */
    @Transactional
    public void unset(Caller caller, String environmentKey, String applicationKey, String item) {
        if (item == null || item.isBlank() || item.length() > MAX_ITEM_LENGTH) {
            throw ApiException.badRequest("'item' is required: the item's path (settings/<key> or "
                    + "timers/<key>/IsActive|Schedule), at most " + MAX_ITEM_LENGTH + " characters.");
        }
        ConfigTargets.Target target = targets.target(caller, Permission.EDIT_CONFIGURATIONS, environmentKey,
                applicationKey, ConfigTargets.Kind.APP);
        String env = target.environmentKey();
        String asset = target.asset().key();
        String path = values.values(env, asset).keySet().stream().filter(p -> p.equalsIgnoreCase(item.trim()))
                .findFirst().orElseThrow(() -> ApiException.notFound("The app " + asset + " has no value of its own"
                        + " for '" + item.trim() + "' in the stage " + env + "; its default applies already."));
        ConfigValue before = values.lock(env, asset, path).orElseThrow(() -> raced(path));
        if (!values.delete(before)) {
            throw raced(path);
        }
        Instant now = clock.instant();
        history.insert(ConfigChange.of(env, asset, path, null, before.valueText(), null, before.encrypted(),
                ConfigChange.Source.Unset, null, caller.clientId(), now));
    }

    private static ApiException raced(String path) {
        return ApiException.conflict("Another request changed '" + path + "' at the same time; nothing was removed."
                + " Send the request again.");
    }
}
