package dev.stageport.configurations;

/** Where a configuration value comes from (the ODC Origin enum). Stageport uses the first and fourth. */
public enum Origin {
    EnvironmentLevelOverride, EnvironmentLevelDefault, ApplicationLevelOverride, ApplicationLevelDefault,
    LibraryLevelOverride, LibraryLevelDefault;

    /** Lenient read of a stored name: an unknown one (older snapshot, other writer) is no origin at all. */
    static Origin parse(String name) {
        if (name == null) {
            return null;
        }
        for (Origin origin : values()) {
            if (origin.name().equals(name)) {
                return origin;
            }
        }
        return null;
    }
}
