package dev.stageport.portfolio.api;

import dev.stageport.web.PageInfoWithTotals;
import java.util.List;

public record DeployedAssetPagedListResponse(PageInfoWithTotals page, List<DeployedAsset> results) {
}
