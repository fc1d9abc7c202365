package dev.stageport.dependencies;

import dev.stageport.dependencies.api.AssetDependencyListResponse;
import dev.stageport.dependencies.api.AssetDependencyProducerListResponse;
import dev.stageport.dependencies.api.AssetDependencyWithProducerReferencesListResponse;
import dev.stageport.dependencies.api.DependenciesPublicElementFilter;
import dev.stageport.dependencies.api.DependencyViews;
import dev.stageport.dependencies.api.PublicElementStringTypesListResponse;
import dev.stageport.dependencies.api.PublicElementStringTypesPagedListResponse;
import dev.stageport.dependencies.api.ReferencedElementStringTypesListResponse;
import dev.stageport.identity.Caller;
import dev.stageport.web.PageInfoWithTotals;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ODC Dependency Management API, graph part. Rules live in {@link DependencyService}. */
@RestController
@RequestMapping("/api/dependency-management/v1")
public class DependencyController {

    /** Each cycle of a producer graph, as asset keys joined by " > "; the schema has no field for it. */
    static final String CYCLE_HEADER = "Stageport-Dependency-Cycle";
    private static final String REVISION = "/assets/{assetKey}/revisions/{revisionNumber}";

    private final DependencyService service;
    private final ElementSearchService search;

    DependencyController(DependencyService service, ElementSearchService search) {
        this.service = service;
        this.search = search;
    }

    @GetMapping("/assets/{assetKey}/consumers")
    AssetDependencyListResponse assetConsumers(Caller caller, @PathVariable String assetKey,
                                               @RequestParam(required = false) String environmentKey,
                                               @RequestParam(required = false) String publicElementKey,
                                               @RequestParam(required = false) Boolean allowMultipleVersions,
                                               @RequestParam(required = false) String sort) {
        return new AssetDependencyListResponse(service.consumers(caller, assetKey, null, environmentKey,
                publicElementKey, allowMultipleVersions, sort).stream().map(DependencyViews::asset).toList());
    }

    @GetMapping(REVISION + "/consumers")
    AssetDependencyListResponse revisionConsumers(Caller caller, @PathVariable String assetKey,
                                                  @PathVariable int revisionNumber,
                                                  @RequestParam(required = false) String environmentKey,
                                                  @RequestParam(required = false) String publicElementKey,
                                                  @RequestParam(required = false) Boolean allowMultipleVersions,
                                                  @RequestParam(required = false) String sort) {
        return new AssetDependencyListResponse(service.consumers(caller, assetKey, revisionNumber, environmentKey,
                publicElementKey, allowMultipleVersions, sort).stream().map(DependencyViews::asset).toList());
    }

    @GetMapping(REVISION + "/producer-graph")
    ResponseEntity<AssetDependencyProducerListResponse> producerGraph(
            Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber,
            @RequestParam(required = false) Integer maxDepth, @RequestParam(required = false) String environmentKey,
            @RequestParam(required = false) String producerTypeFilter, @RequestParam(required = false) String sort) {
        ProducerGraph.Result graph = service.producerGraph(caller, assetKey, revisionNumber, maxDepth,
                environmentKey, producerTypeFilter, sort);
        return withCycles(graph.cycles()).body(new AssetDependencyProducerListResponse(
                graph.producers().stream().map(DependencyViews::graphNode).toList()));
    }

    @GetMapping(REVISION + "/producers")
    ResponseEntity<AssetDependencyWithProducerReferencesListResponse> producers(
            Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber,
            @RequestParam(required = false) Integer maxDepth, @RequestParam(required = false) String environmentKey,
            @RequestParam(required = false) String producerTypeFilter, @RequestParam(required = false) String sort) {
        ProducerGraph.Result graph = service.producerGraph(caller, assetKey, revisionNumber, maxDepth,
                environmentKey, producerTypeFilter, sort);
        return withCycles(graph.cycles()).body(new AssetDependencyWithProducerReferencesListResponse(
                DependencyViews.flat(assetKey.trim().toLowerCase(), graph.producers(), sort)));
    }

    @GetMapping(REVISION + "/public-elements")
    PublicElementStringTypesListResponse publicElements(Caller caller, @PathVariable String assetKey,
                                                        @PathVariable int revisionNumber,
                                                        @RequestParam(required = false) String sort,
                                                        @RequestParam(required = false) Boolean includeHidden) {
        return new PublicElementStringTypesListResponse(service.publicElements(caller, assetKey, revisionNumber,
                sort, includeHidden).stream().map(DependencyViews::element).toList());
    }

    @GetMapping(REVISION + "/referenced-elements")
    ReferencedElementStringTypesListResponse referencedElements(Caller caller, @PathVariable String assetKey,
                                                                @PathVariable int revisionNumber,
                                                                @RequestParam(required = false) String sort,
                                                                @RequestParam(required = false) Boolean includeHidden) {
        return new ReferencedElementStringTypesListResponse(service.referencedElements(caller, assetKey,
                revisionNumber, sort, includeHidden).stream().map(DependencyViews::referenced).toList());
    }

    @PostMapping("/public-elements/search")
    PublicElementStringTypesPagedListResponse search(Caller caller,
                                                     @RequestBody(required = false) DependenciesPublicElementFilter body) {
        ElementSearchService.Result result = search.search(caller, body);
        return new PublicElementStringTypesPagedListResponse(
                PageInfoWithTotals.of(result.paging(), result.page().hits().size(), result.page().total()),
                result.page().hits().stream().map(DependencyViews::hit).toList());
    }

    private static ResponseEntity.BodyBuilder withCycles(List<List<String>> cycles) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        for (List<String> cycle : cycles) {
            ok.header(CYCLE_HEADER, String.join(" > ", cycle));
        }
        return ok;
    }
}
