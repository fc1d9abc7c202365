package dev.stageport.configurations;

import dev.stageport.configschema.DataType;

/**
 * One configurable value, flattened out of the schemas so that PATCH, GET, the
 * resolver and the snapshot agree on item paths:
 * {@code settings/<key>}, {@code timers/<key>/IsActive|Schedule},
 * {@code integrations/<key>/<configKey>}, {@code libraries/<libKey>/settings/<key>},
 * {@code libraries/<libKey>/integrations/<key>/<configKey>} and
 * {@code systemConfigurations/<key>}.
 * {@code defaultValue}/{@code defaultOrigin} are what applies when the stage set no
 * value for the asset: for system configurations that is the stage default when
 * one is set, else the catalog default.
 */
record ConfigItem(String path, String key, String name, String description, DataType dataType,
                  String defaultValue, boolean secret, Kind kind, Origin defaultOrigin, String owner) {

    /** Which section an item belongs to; decides its labels and its origin chain. */
    enum Kind { SETTING, TIMER, INTEGRATION, LIBRARY_SETTING, LIBRARY_INTEGRATION, SYSTEM }

    static String settingPath(String key) {
        return "settings/" + key;
    }

    static String timerPath(String timerKey, String config) {
        return "timers/" + timerKey + "/" + config;
    }

    static String integrationPath(String integrationKey, String configKey) {
        return "integrations/" + integrationKey + "/" + configKey;
    }

    static String librarySettingPath(String libraryKey, String key) {
        return "libraries/" + libraryKey + "/settings/" + key;
    }

    static String libraryIntegrationPath(String libraryKey, String integrationKey, String configKey) {
        return "libraries/" + libraryKey + "/integrations/" + integrationKey + "/" + configKey;
    }

    static String systemPath(String key) {
        return "systemConfigurations/" + key;
    }

    /** The origin of a value the stage set for this asset. */
    Origin overrideOrigin() {
        return switch (kind) {
            case SYSTEM -> Origin.ApplicationLevelOverride;
            case LIBRARY_SETTING, LIBRARY_INTEGRATION -> Origin.LibraryLevelOverride;
            default -> Origin.EnvironmentLevelOverride;
        };
    }

    /** How deployment messages name the item, e.g. "Setting GreetingText" or "Timer Cleanup IsActive". */
    String label() {
        String self = name == null || name.isBlank() ? key : name;
        return switch (kind) {
            case SETTING -> "Setting " + self;
            case TIMER -> "Timer " + owner + " " + key;
            case INTEGRATION -> "Integration " + owner + " " + self;
            case LIBRARY_SETTING -> "Library " + owner + " setting " + self;
            case LIBRARY_INTEGRATION -> "Library integration " + owner + " " + self;
            case SYSTEM -> "System configuration " + self;
        };
    }
}
