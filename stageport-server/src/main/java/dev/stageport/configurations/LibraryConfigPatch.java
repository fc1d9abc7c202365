package dev.stageport.configurations;

import java.util.List;

/**
 * Values to change in one library the asset references. {@code revision} must be
 * the library revision the asset's baseline revision references.
 */
public record LibraryConfigPatch(String key, Integer revision, List<GenericConfigPatch> systemConfigurations,
                                 List<GenericConfigPatch> settings, List<IntegrationPatch> integrations) {
}
