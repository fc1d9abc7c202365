package dev.stageport.console;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.assets.RevisionFilter;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.dependencies.DependencyService;
import dev.stageport.dependencies.ProducerGraph;
import dev.stageport.dependencies.RevisionInfo;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.PortfolioService;
import dev.stageport.portfolio.Stage;
import dev.stageport.web.Keys;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** What the asset page shows: revisions with their builds, where each runs, producers and consumers. */
@Service
class AssetPages {

    static final int MAX_REVISIONS = 50;

    record RevisionView(AssetRevision revision, List<Build> builds, List<Stage> runsIn) {
    }

    record AssetView(Asset asset, List<RevisionView> revisions, List<Stage> stages, List<Stage> deployTargets,
                     List<RevisionInfo> consumers, List<ProducerGraph.Node> producers) {
    }

    private final AssetRepository assets;
    private final BuildRepository builds;
    private final DeployedAssetRepository deployed;
    private final PortfolioService portfolio;
    private final DependencyService dependencies;

    AssetPages(AssetRepository assets, BuildRepository builds, DeployedAssetRepository deployed,
               PortfolioService portfolio, DependencyService dependencies) {
        this.assets = assets;
        this.builds = builds;
        this.deployed = deployed;
        this.portfolio = portfolio;
        this.dependencies = dependencies;
    }

    /** The asset by key; 404 for an unknown key, 403 without Asset management > Open anywhere. */
    Asset asset(Caller caller, String assetKey) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = Keys.parse(assetKey, "assetKey").toString();
        return assets.find(key).orElseThrow(() -> ApiException.notFound("No asset with key " + key + "."));
    }

    AssetView view(Caller caller, String assetKey) {
        Asset asset = asset(caller, assetKey);
        List<Stage> stages = portfolio.visibleStages(caller);
        Map<String, Stage> byKey = stages.stream().collect(Collectors.toMap(Stage::key, Function.identity()));
        List<DeployedAsset> running = deployed.all().stream()
                .filter(d -> d.assetKey().equals(asset.key()) && byKey.containsKey(d.environmentKey())).toList();
        List<Build> all = builds.list(asset.key(), null, null);
        List<AssetRevision> revisions = assets.listRevisions(asset.key(),
                new RevisionFilter(null, null, null, null, null, null, "revision desc"), MAX_REVISIONS, 0).rows();
        List<RevisionView> views = revisions.stream().map(r -> new RevisionView(r,
                all.stream().filter(b -> b.assetRevision() == r.revision()).toList(),
                running.stream().filter(d -> d.revision() == r.revision())
                        .map(d -> byKey.get(d.environmentKey())).toList())).toList();
        List<Stage> targets = stages.stream().filter(s -> caller.can(Permission.DEPLOY_APPS, s.key())).toList();
        List<RevisionInfo> consumers = dependencies.consumers(caller, asset.key(), null, null, null, false, null);
        List<ProducerGraph.Node> producers = revisions.isEmpty() ? List.of()
                : dependencies.producerGraph(caller, asset.key(), revisions.get(0).revision(), 1, null, null, null)
                .producers();
        return new AssetView(asset, views, stages, targets, consumers, producers);
    }
}
