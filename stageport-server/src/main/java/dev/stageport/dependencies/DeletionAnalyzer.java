package dev.stageport.dependencies;

import dev.stageport.assets.Asset;
import dev.stageport.bundles.Bundle;
import dev.stageport.dependencies.api.EnvironmentReport;
import dev.stageport.dependencies.api.PublicDeletionAnalysisReport;
import dev.stageport.dependencies.api.PublicDeployedRevision;
import dev.stageport.dependencies.api.PublicImpactedApplication;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who would break if the asset were deleted: the stages it runs in (deleting an app
 * undeploys it), and every consumer deployed anywhere that was built against it. A
 * consumer of a deleted app loses the elements it calls (Error); a consumer of a
 * deleted library keeps running but can no longer be rebuilt (Warning).
 */
@Component
public class DeletionAnalyzer {

    private final ElementRepository elements;
    private final RevisionCatalog catalog;
    private final StageRepository stages;

    DeletionAnalyzer(ElementRepository elements, RevisionCatalog catalog, StageRepository stages) {
        this.elements = elements;
        this.catalog = catalog;
        this.stages = stages;
    }

    public PublicDeletionAnalysisReport analyze(Asset asset) {
        List<EnvironmentReport> deployedIn = new ArrayList<>();
        Map<String, List<PublicDeployedRevision>> byConsumer = new LinkedHashMap<>();
        List<String> severities = new ArrayList<>();
        String severity = Bundle.LIBRARY_TYPE.equals(asset.assetType()) ? "Warning" : "Error";
        for (Stage stage : stages.all()) {
            List<ElementRepository.ConsumerLink> running = elements.deployedIn(stage.key());
            for (ElementRepository.ConsumerLink link : running) {
                if (link.assetKey().equals(asset.key())) {
                    deployedIn.add(new EnvironmentReport(stage.key(), stage.name(), stage.purpose().name()));
                    severities.add("Warning");
                } else if (elements.producers(link.assetKey(), link.revision()).stream()
                        .anyMatch(p -> p.producerKey().equals(asset.key()))) {
                    Optional<Asset> consumer = catalog.asset(link.assetKey());
                    byConsumer.computeIfAbsent(link.assetKey(), k -> new ArrayList<>()).add(
                            new PublicDeployedRevision(link.revision(), stage.key(),
                                    consumer.map(Asset::assetType).orElse(null), severity, null, null));
                    severities.add(severity);
                }
            }
        }
        List<PublicImpactedApplication> impacted = new ArrayList<>();
        byConsumer.forEach((key, revisions) -> catalog.asset(key).ifPresent(consumer -> impacted.add(
                new PublicImpactedApplication(consumer.name(), consumer.assetType(), consumer.portfolioKey(), null,
                        key, revisions))));
        return new PublicDeletionAnalysisReport(Reports.of(severities), deployedIn, List.of(), impacted);
    }

    /** The report as a caller that may see only some stages reads it: other stages are left out. */
    public static PublicDeletionAnalysisReport visibleTo(PublicDeletionAnalysisReport report,
                                                         java.util.function.Predicate<String> canSee) {
        List<EnvironmentReport> stagesSeen = report.deployedEnvironments().stream()
                .filter(e -> canSee.test(e.environmentKey())).toList();
        List<PublicImpactedApplication> impacted = new ArrayList<>();
        for (PublicImpactedApplication app : report.impactedAssets()) {
            List<PublicDeployedRevision> seen = app.deployedRevisions().stream()
                    .filter(r -> canSee.test(r.environmentKey())).toList();
            if (!seen.isEmpty()) {
                impacted.add(new PublicImpactedApplication(app.name(), app.type(), app.portfolioKey(),
                        app.portfolioName(), app.assetKey(), seen));
            }
        }
        return new PublicDeletionAnalysisReport(report.status(), stagesSeen, report.impactedDomains(), impacted);
    }
}
