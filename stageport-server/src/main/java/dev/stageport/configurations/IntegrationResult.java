package dev.stageport.configurations;

import java.util.List;

/** One integration as GET .../configurations shows it; {@code pluginType} as the revision declared it. */
public record IntegrationResult(String key, String name, String pluginType, List<GenericConfigResult> configs) {
}
