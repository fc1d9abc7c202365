package dev.stageport.portfolio.api;

import dev.stageport.web.PageInfoWithTotals;
import java.util.List;

public record PortfolioPagedListResponse(PageInfoWithTotals page, List<Portfolio> results) {
}
