package dev.stageport.identity;

import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.identity.api.PermissionGrant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Per-stage grants as the management API sends them, checked; the same rules for API clients and people. */
@Component
public class PermissionGrants {

    private final KnownStages stages;

    public PermissionGrants(KnownStages stages) {
        this.stages = stages;
    }

    public Map<Permission, Set<String>> parse(List<PermissionGrant> requested) {
        Map<Permission, Set<String>> grants = new EnumMap<>(Permission.class);
        if (requested == null) {
            return grants;
        }
        List<String> problems = new ArrayList<>();
        for (PermissionGrant grant : requested) {
            Permission permission = grant == null || grant.permission() == null ? null
                    : Permission.fromCode(grant.permission()).orElse(null);
            String stage = grant == null ? null : grant.environmentKey();
            if (permission == null) {
                problems.add("Unknown permission '" + (grant == null ? null : grant.permission())
                        + "'; expected one of " + codes() + ".");
                continue;
            }
            if (stage == null || !stage.equals(Caller.EVERY_STAGE) && !stages.exists(stage.toLowerCase())) {
                problems.add("Permission " + permission.code() + ": 'environmentKey' must be a stage key or '*', got '"
                        + stage + "'.");
                continue;
            }
            if ((permission == Permission.MANAGE_API_CLIENTS || permission == Permission.EMULATOR_CONTROL)
                    && !stage.equals(Caller.EVERY_STAGE)) {
                problems.add(permission.code() + " is tenant-wide: give it with environmentKey '*'.");
                continue;
            }
            grants.computeIfAbsent(permission, p -> new HashSet<>()).add(stage.toLowerCase());
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, problems.get(0), problems);
        }
        return grants;
    }

    public static List<PermissionGrant> list(Map<Permission, Set<String>> grants) {
        List<PermissionGrant> permissions = new ArrayList<>();
        grants.forEach((permission, stageKeys) -> stageKeys.stream().sorted()
                .forEach(stage -> permissions.add(new PermissionGrant(permission.code(), stage))));
        return permissions;
    }

    private static String codes() {
        return Arrays.stream(Permission.values()).map(Permission::code).toList().toString();
    }
}
