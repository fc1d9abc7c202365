package dev.stageport.assets;

import java.util.List;

/** Filters of GET /assets; {@code orderBy} is a vetted SQL fragment built by the service. */
public record AssetFilter(
        String nameContains,
        String nameOrDescriptionContains,
        List<String> assetTypes,
        List<String> assetKeys,
        List<String> portfolioKeys,
        Boolean external,
        Boolean deployable,
        String orderBy) {
}
