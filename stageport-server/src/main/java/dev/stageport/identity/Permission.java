package dev.stageport.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The API-client permissions the ODC documents name, each granted per stage.
 * {@code label} is how the docs write it; {@code code} is the short form used
 * in the database and in {@code permissionFilter}.
 */
public enum Permission {
    STAGE_VIEW("StageView", "Stage > View stage"),
    DEPLOY_APPS("AppDeploy", "Release management > Deploy apps"),
    VIEW_CONFIGURATIONS("CfgView", "Configuration management > View configurations"),
    EDIT_CONFIGURATIONS("AppCfgChange", "Configuration management > Edit configurations"),
    ASSET_OPEN("AssetOpen", "Asset management > Open"),
    ASSET_CREATE("AssetCreate", "Asset management > Create"),
    ASSET_CHANGE("AppChange", "Asset management > Change"),
    ASSET_DELETE("AppDelete", "Asset management > Delete"),
    RELEASE("AppRelease", "Release management > Release"),
    /** Stageport only: start an operation during a freeze window of the stage, giving a reason. */
    OVERRIDE_FREEZE("FreezeOverride", "Release management > Override freeze"),
    /** Renaming a stage (portfolio API v2), granted per stage. */
    MANAGE_STAGES("StageManage", "Portfolio management > Manage stages"),
    /** Reordering stages and renaming portfolios: only a grant on every stage counts. */
    MANAGE_PORTFOLIO("PortfolioManage", "Portfolio management > Manage portfolio"),
    /** Tenant-wide: only a grant on every stage counts. */
    MANAGE_API_CLIENTS("ManageApiClients", "User and access management > Manage API clients"),
    /** The emulator's controls (reset, snapshots, faults, clock, journal): tenant-wide, only when it is on. */
    EMULATOR_CONTROL("EmulatorControl", "Emulator > Control");

    private final String code;
    private final String label;

    Permission(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Permission> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equalsIgnoreCase(code)).findFirst();
    }
}
