package dev.stageport.configurations;

import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.ValueRules;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stage-wide defaults of the system configuration catalog
 * (.../environments/{environmentKey}/default-system-configurations). Apps in the
 * stage inherit them unless they override a value for themselves.
 */
@Service
public class StageDefaultService {

    private final ConfigTargets targets;
    private final StageDefaultRepository defaults;
    private final ConfigChangeRepository history;
    private final Clock clock;

    public StageDefaultService(ConfigTargets targets, StageDefaultRepository defaults, ConfigChangeRepository history,
                               Clock clock) {
        this.targets = targets;
        this.defaults = defaults;
        this.history = history;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EnvironmentConfigResult get(Caller caller, String environmentKey) {
        String env = targets.stage(caller, Permission.VIEW_CONFIGURATIONS, environmentKey);
        Map<String, StageDefaultRepository.StageDefault> set = defaults.all(env);
        List<GenericConfigResult> out = new ArrayList<>();
        for (ConfigSchema.Setting s : SystemConfigurations.CATALOG) {
            StageDefaultRepository.StageDefault d = set.get(s.key());
            out.add(new GenericConfigResult(s.key(), s.name(), s.description(), s.dataType(), s.defaultValue(), null,
                    d != null ? d.value() : s.defaultValue(),
                    d != null ? Origin.EnvironmentLevelDefault : Origin.ApplicationLevelDefault,
                    null, false, null, d == null ? null : d.updatedAt(), null));
        }
        return new EnvironmentConfigResult(out);
    }

    /** All-or-nothing like the app PATCH: every key and value is checked before anything is stored. */
    @Transactional
    public void patch(Caller caller, String environmentKey, EnvironmentConfigPatch body) {
        String env = targets.stage(caller, Permission.EDIT_CONFIGURATIONS, environmentKey);
        List<GenericConfigPatch> patches = body.systemConfigurations() == null ? List.of()
                : body.systemConfigurations();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String[]> changes = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            GenericConfigPatch p = patches.get(i);
            Optional<ConfigSchema.Setting> s = Optional.ofNullable(p).flatMap(x -> SystemConfigurations.find(x.key()));
            if (s.isEmpty()) {
                problems.add("systemConfigurations[" + i + "]: '" + (p == null ? null : p.key())
                        + "' is not a system configuration; known: LogLevel, SessionTimeoutMinutes, MaintenanceMode.");
                continue;
            }
            if (!seen.add(s.get().key())) {
                problems.add("The system configuration '" + s.get().key() + "' appears more than once in the request.");
                continue;
            }
            Optional<String> expected = ValueRules.problem(s.get().dataType(), p.value(), null);
            if (expected.isPresent()) {
                problems.add("The system configuration '" + s.get().key() + "' expects " + expected.get() + ".");
                continue;
            }
            changes.add(new String[] {s.get().key(), ValueRules.canonical(s.get().dataType(), p.value())});
        }
        PatchValidator.fail(problems);
        Instant now = clock.instant();
        Map<String, String> before = defaults.values(env);
        for (String[] c : changes) {
            defaults.set(env, c[0], c[1], now, caller.clientId());
            // Stage-wide (no asset): the entry shows in the history of every app of the stage.
            history.insert(ConfigChange.of(env, null, ConfigItem.systemPath(c[0]),
                    SystemConfigurations.find(c[0]).map(ConfigSchema.Setting::name).orElse(null), before.get(c[0]),
                    c[1], false, ConfigChange.Source.StageDefault, null, caller.clientId(), now));
        }
    }
}
