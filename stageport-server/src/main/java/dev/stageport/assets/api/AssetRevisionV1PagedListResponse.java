package dev.stageport.assets.api;

import dev.stageport.web.PageInfoWithTotals;
import java.util.List;

public record AssetRevisionV1PagedListResponse(PageInfoWithTotals page, List<AssetRevisionV1> results) {
}
