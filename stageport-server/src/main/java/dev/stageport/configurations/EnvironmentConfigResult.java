package dev.stageport.configurations;

import java.util.List;

/** Response of GET .../default-system-configurations. */
public record EnvironmentConfigResult(List<GenericConfigResult> systemConfigurations) {
}
