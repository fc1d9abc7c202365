package dev.stageport.dependencies;

import dev.stageport.bundles.PublicElement;
import dev.stageport.dependencies.api.ApplicationFilter;
import dev.stageport.dependencies.api.DependenciesPublicElementFilter;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import dev.stageport.web.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * POST /public-elements/search. Every element of Stageport may be referenced from
 * any portfolio, so {@code consumerPortfolioKeys} is checked but narrows nothing
 * (docs/dependencies.md). A malformed filter is a 400 naming the field.
 */
@Service
public class ElementSearchService {

    static final int MAX_ASSET_FILTERS = 100;
    private static final Map<String, String> SORTS = Map.of("name", "lower(e.name)", "type", "e.element_type",
            "assetName", "lower(a.name)", "revision", "e.revision");

    private final ElementSearchRepository search;

    ElementSearchService(ElementSearchRepository search) {
        this.search = search;
    }

    public record Result(ElementSearchRepository.Page page, Paging paging) {
    }

    public Result search(Caller caller, DependenciesPublicElementFilter filter) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        DependenciesPublicElementFilter f = filter != null ? filter
                : new DependenciesPublicElementFilter(null, null, null, null, null, null, null, null, null, null);
        Paging paging = Paging.of(f.limit(), f.offset());
        if (f.elementType() != null && !PublicElement.TYPES.contains(f.elementType())) {
            throw ApiException.badRequest("'elementType' must be one of " + PublicElement.TYPES.stream().sorted()
                    .toList() + ", got '" + f.elementType() + "'.");
        }
        String sort = f.sort() == null ? "name" : f.sort();
        String orderBy = SORTS.get(sort);
        if (orderBy == null) {
            throw ApiException.badRequest("'sort' must be one of " + SORTS.keySet().stream().sorted().toList()
                    + ", got '" + f.sort() + "'.");
        }
        if (f.consumerPortfolioKeys() != null) {
            for (int i = 0; i < f.consumerPortfolioKeys().size(); i++) {
                Keys.parse(f.consumerPortfolioKeys().get(i), "consumerPortfolioKeys[" + i + "]");
            }
        }
        List<ElementRepository.ConsumerLink> revisions = revisions(f.assetFilters());
        ElementSearchRepository.Page page = search.search(new ElementSearchRepository.Query(
                blankToNull(f.elementNameContains()), blankToNull(f.elementNameOrDescriptionContains()),
                f.elementType(), f.includeHidden() == null || f.includeHidden(), revisions, orderBy,
                f.sortAscending() == null || f.sortAscending(), paging.limit(), paging.offset()));
        return new Result(page, paging);
    }

    /** The revisions the asset filters pick (null: no filter); an unknown asset or digest picks none. */
    private List<ElementRepository.ConsumerLink> revisions(List<ApplicationFilter> filters) {
        if (filters == null) {
            return null;
        }
        if (filters.size() > MAX_ASSET_FILTERS) {
            throw ApiException.badRequest("'assetFilters' may hold at most " + MAX_ASSET_FILTERS + " entries.");
        }
        List<ElementRepository.ConsumerLink> out = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            ApplicationFilter filter = filters.get(i);
            if (filter == null) {
                throw ApiException.badRequest("'assetFilters[" + i + "]' must be an object with 'key'.");
            }
            String key = Keys.parse(filter.key(), "assetFilters[" + i + "].key").toString();
            String digest = blankToNull(filter.digest());
            search.revision(key, digest).ifPresent(r -> out.add(new ElementRepository.ConsumerLink(key, r)));
        }
        return out;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
