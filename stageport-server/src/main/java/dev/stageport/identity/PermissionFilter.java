package dev.stageport.identity;

import dev.stageport.web.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * The ODC {@code permissionFilter} query parameter: {@code PermissionType} or
 * {@code PermissionType.EnvironmentKey}. It narrows a list to stages where the
 * caller holds that permission. ODC permission types Stageport does not grant
 * (AppDebug, AppChange, …) are valid input that simply match no stage.
 */
public record PermissionFilter(Permission permission, String environmentKey) {

    private static final Set<String> ODC_TYPES = Set.of("AppViewSourceCode", "AppDebug", "AppChange", "AppDelete",
            "AppDeploy", "AppRelease", "AppMonitor", "AppMonitorUserInfo", "AppSecurityView", "CodeQualityManage",
            "CodeQualityView", "AppUserView", "AppAccessManage", "AppGroupManage", "CfgView", "ConnConfig",
            "AppCfgChange", "UpdatesView");
    private static final Map<String, Permission> GRANTED = Map.of(
            "AppDeploy", Permission.DEPLOY_APPS,
            "CfgView", Permission.VIEW_CONFIGURATIONS,
            "AppCfgChange", Permission.EDIT_CONFIGURATIONS);

    /** Null when the parameter is absent. */
    public static PermissionFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = value.trim();
        String stage = null;
        int dot = type.indexOf('.');
        if (dot >= 0) {
            stage = type.substring(dot + 1);
            type = type.substring(0, dot);
        }
        if (!ODC_TYPES.contains(type)) {
            throw ApiException.badRequest("'permissionFilter' has an unknown permission type '" + type
                    + "'; expected one of " + new java.util.TreeSet<>(ODC_TYPES) + ".");
        }
        return new PermissionFilter(GRANTED.get(type), stage);
    }

    public boolean allows(Caller caller, String stageKey) {
        if (environmentKey != null && !environmentKey.equalsIgnoreCase(stageKey)) {
            return false;
        }
        return permission != null && caller.can(permission, stageKey);
    }
}
