package dev.stageport.dependencies.api;

/** ODC's DependenciesPublicElementFilter: the body of POST /public-elements/search. */
public record DependenciesPublicElementFilter(String elementNameContains, String elementNameOrDescriptionContains,
        String elementType, Boolean includeHidden, java.util.List<String> consumerPortfolioKeys, Integer limit,
        Integer offset, String sort, Boolean sortAscending, java.util.List<ApplicationFilter> assetFilters) {
}
