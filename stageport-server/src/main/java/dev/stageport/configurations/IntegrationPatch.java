package dev.stageport.configurations;

import java.util.List;

/** The configs (e.g. BaseURL) to change on one integration. */
public record IntegrationPatch(String key, List<GenericConfigPatch> configs) {
}
