package dev.stageport.portfolio.api;

import dev.stageport.web.PageInfoWithTotals;
import java.util.List;

public record LibraryPagedListResponse(PageInfoWithTotals page, List<Library> results) {
}
