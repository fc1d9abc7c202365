package dev.stageport.dependencies.api;

/** ODC's PublicElementStringTypesPagedListResponse: one page of a public element search. */
public record PublicElementStringTypesPagedListResponse(dev.stageport.web.PageInfoWithTotals page,
        java.util.List<PublicElementStringTypes> results) {
}
