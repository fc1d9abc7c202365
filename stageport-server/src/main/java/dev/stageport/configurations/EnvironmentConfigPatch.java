package dev.stageport.configurations;

import java.util.List;

/** Body of PATCH .../default-system-configurations. */
public record EnvironmentConfigPatch(List<GenericConfigPatch> systemConfigurations) {
}
