package dev.stageport.assets.api;

import java.util.List;

/** POST /assets/search: every revision a filter matched, unpaged. */
public record AssetRevisionV1ListResponse(List<AssetRevisionV1> results) {
}
