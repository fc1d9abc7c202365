package dev.stageport.configurations;

import java.util.List;

/**
 * One library the revision references. {@code revision} and {@code revisionBaseline}
 * are both the referenced library revision: Stageport resolves libraries at build time.
 */
public record LibraryConfigResult(String key, String name, Integer revision, Integer revisionBaseline,
                                  List<GenericConfigResult> systemConfigurations, List<GenericConfigResult> settings,
                                  List<IntegrationResult> integrations) {
}
