package dev.stageport.dependencies.api;

import dev.stageport.dependencies.DependencyService;
import dev.stageport.dependencies.ElementSearchRepository;
import dev.stageport.dependencies.ProducerGraph;
import dev.stageport.dependencies.RevisionInfo;
import java.util.List;

/** Maps the dependency domain onto the document's schemas. */
public final class DependencyViews {

    private DependencyViews() {
    }

    public static AssetDependency asset(RevisionInfo i) {
        return new AssetDependency(i.assetKey(), i.portfolioKey(), i.revision(), i.name(), i.description(), i.type(),
                i.signatureDigest(), i.compatibilityDigest(), i.modelDigest());
    }

    public static AssetDependencyProducer graphNode(ProducerGraph.Node n) {
        RevisionInfo i = n.info();
        return new AssetDependencyProducer(i.assetKey(), i.portfolioKey(), i.revision(), i.name(), i.description(),
                i.type(), i.signatureDigest(), i.compatibilityDigest(), i.modelDigest(),
                n.producers().stream().map(DependencyViews::graphNode).toList());
    }

    public static AssetDependencyWithProducerReferences flatNode(ProducerGraph.Node n) {
        RevisionInfo i = n.info();
        return new AssetDependencyWithProducerReferences(i.assetKey(), i.portfolioKey(), i.revision(), i.name(),
                i.description(), i.type(), i.signatureDigest(), i.compatibilityDigest(), i.modelDigest(), n.direct(),
                n.producers().stream().map(p -> p.info().assetKey()).toList());
    }

    public static PublicElementStringTypes element(DependencyService.ElementOf e) {
        RevisionInfo o = e.owner();
        return new PublicElementStringTypes(o.assetKey(), o.name(), o.revision(), o.tag(), e.element().key(),
                e.element().name(), e.element().description(), e.element().signatureDigest(),
                e.element().compatibilityDigest(), e.element().hidden(), o.type(), e.element().type());
    }

    public static PublicElementStringTypes hit(ElementSearchRepository.Hit h) {
        return new PublicElementStringTypes(h.assetKey(), h.assetName(), h.revision(), h.tag(), h.element().key(),
                h.element().name(), h.element().description(), h.element().signatureDigest(),
                h.element().compatibilityDigest(), h.element().hidden(), h.assetType(), h.element().type());
    }

    public static ReferencedElementStringTypes referenced(DependencyService.ReferencedElement r) {
        return new ReferencedElementStringTypes(r.consumer().assetKey(), r.consumer().revision(), r.element().key(),
                r.element().name(), r.element().description(), r.element().hidden(), r.element().signatureDigest(),
                r.element().compatibilityDigest(), r.producer().key(), r.producer().name(), r.element().type(),
                r.producer().assetType());
    }

    public static List<AssetDependencyWithProducerReferences> flat(String rootKey, List<ProducerGraph.Node> graph,
                                                                   String sort) {
        return ProducerGraph.sorted(ProducerGraph.flatten(rootKey, graph), sort).stream()
                .map(DependencyViews::flatNode).toList();
    }
}
