package dev.stageport.identity;

import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.util.Set;

/**
 * The ODC {@code permissionFilter} query parameter: {@code PermissionType} or
 * {@code PermissionType.EnvironmentKey}. It narrows a list to stages where the
 * caller holds that permission. ODC permission types Stageport does not grant
 * (AppDebug, AppMonitor, …) are valid input that simply match no stage.
 */
public record PermissionFilter(Permission permission, String environmentKey) {

    private static final Set<String> ODC_TYPES = Set.of("AppViewSourceCode", "AppDebug", "AppChange", "AppDelete",
            "AppDeploy", "AppRelease", "AppMonitor", "AppMonitorUserInfo", "AppSecurityView", "CodeQualityManage",
            "CodeQualityView", "AppUserView", "AppAccessManage", "AppGroupManage", "CfgView", "ConnConfig",
            "AppCfgChange", "UpdatesView");

    /** Null when the parameter is absent. */
    public static PermissionFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = value.trim();
        String stage = null;
        int dot = type.indexOf('.');
        if (dot >= 0) {
            stage = Keys.parse(type.substring(dot + 1), "permissionFilter environment key").toString();
            type = type.substring(0, dot);
        }
        String name = type;
        if (ODC_TYPES.stream().noneMatch(t -> t.equalsIgnoreCase(name))) {
            throw ApiException.badRequest("'permissionFilter' must be 'PermissionType' or "
                    + "'PermissionType.EnvironmentKey' with a type among " + new java.util.TreeSet<>(ODC_TYPES)
                    + ", got '" + value + "'.");
        }
        return new PermissionFilter(Permission.fromCode(name).orElse(null), stage);
    }

    public boolean allows(Caller caller, String stageKey) {
        if (environmentKey != null && !environmentKey.equalsIgnoreCase(stageKey)) {
            return false;
        }
        return permission != null && caller.can(permission, stageKey);
    }

    /** The stages this filter lets through for the caller; null means every stage. */
    public Set<String> stages(Caller caller) {
        if (permission == null) {
            return Set.of();
        }
        if (environmentKey != null) {
            return caller.can(permission, environmentKey) ? Set.of(environmentKey) : Set.of();
        }
        Set<String> granted = caller.grants().getOrDefault(permission, Set.of());
        return granted.contains(Caller.EVERY_STAGE) ? null : Set.copyOf(granted);
    }
}
