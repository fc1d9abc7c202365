package dev.stageport.console;

import dev.stageport.assets.Asset;
import dev.stageport.builds.Build;
import dev.stageport.builds.BuildRepository;
import dev.stageport.deployments.DeploymentRepository;
import dev.stageport.dependencies.DeploymentAnalyzer;
import dev.stageport.dependencies.RevisionCatalog;
import dev.stageport.dependencies.api.PublicDeploymentAnalysisReport;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.policy.FreezeWindowResponse;
import dev.stageport.policy.FreezeWindowService;
import dev.stageport.policy.PromotionRules;
import dev.stageport.policy.StagePolicy;
import dev.stageport.policy.StagePolicyService;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.portfolio.PortfolioService;
import dev.stageport.portfolio.Stage;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the deploy dialog shows before a Deploy starts: the deployment analysis of exactly that
 * revision in that stage and the stage's policy, with what the policy would refuse. The refusals
 * come from the same domain checks the Deploy runs (freeze windows, promotion rules, breaking
 * deploys), so the page says what a Start would be told; the Deploy itself still decides.
 */
@Service
class DeployPreview {

    /** A freeze window open now: refused, or allowed with a reason when the user may override it. */
    record Freeze(String reason, boolean mayOverride) {
    }

    record Preview(Asset asset, Build build, Stage stage, Optional<DeployedAsset> running,
                   PublicDeploymentAnalysisReport analysis, StagePolicy policy, Map<String, Stage> stages,
                   List<FreezeWindowResponse> freezeWindows, Optional<Freeze> freeze, List<String> refusals) {

        /** The analysis found an Error: something in the stage breaks (shown prominently, advisory by default). */
        public boolean breaking() {
            return "ErrorsFound".equals(analysis.status());
        }

        public boolean startable() {
            return refusals.isEmpty();
        }

        public boolean needsOverrideReason() {
            return freeze.isPresent() && freeze.get().mayOverride();
        }

        public String stageName(String key) {
            Stage s = stages.get(key);
            return s == null ? key : s.name();
        }
    }

    private final AssetPages assets;
    private final BuildRepository builds;
    private final PortfolioService portfolio;
    private final DeployedAssetRepository deployed;
    private final DeploymentRepository operations;
    private final RevisionCatalog catalog;
    private final DeploymentAnalyzer analyzer;
    private final StagePolicyService policies;
    private final FreezeWindowService freezes;
    private final PromotionRules promotion;
    private final Clock clock;

    DeployPreview(AssetPages assets, BuildRepository builds, PortfolioService portfolio,
                  DeployedAssetRepository deployed, DeploymentRepository operations, RevisionCatalog catalog,
                  DeploymentAnalyzer analyzer, StagePolicyService policies, FreezeWindowService freezes,
                  PromotionRules promotion, Clock clock) {
        this.assets = assets;
        this.builds = builds;
        this.portfolio = portfolio;
        this.deployed = deployed;
        this.operations = operations;
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.policies = policies;
        this.freezes = freezes;
        this.promotion = promotion;
        this.clock = clock;
    }

    /** 404 for an unknown asset, build or a stage the user does not see; 403 without Deploy apps there. */
    Preview preview(Caller caller, String assetKey, String buildKey, String environmentKey) {
        Asset asset = assets.asset(caller, assetKey);
        Map<String, Stage> visible = portfolio.visibleStages(caller).stream()
                .collect(Collectors.toMap(Stage::key, Function.identity()));
        String envKey = Keys.parse(environmentKey, "environmentKey").toString();
        Stage stage = Optional.ofNullable(visible.get(envKey)).orElseThrow(() -> ApiException.stageNotFound(envKey));
        caller.require(Permission.DEPLOY_APPS, stage.key());
        Build build = deployableBuild(asset, Keys.parse(buildKey, "buildKey").toString());
        int revision = build.assetRevision();
        PublicDeploymentAnalysisReport analysis = analyzer.analyze(
                catalog.require(asset.key(), revision, "assetKey", "buildKey"), stage);
        StagePolicy policy = policies.get(caller, stage.key());
        Instant now = clock.instant();
        List<String> refusals = new ArrayList<>();
        operations.activeFor(stage.key(), asset.key()).ifPresent(running -> refusals.add("The operation " + running
                + " is still running for this asset in " + stage.name() + "; wait until it finishes."));
        Optional<Freeze> freeze = freezeNow(caller, stage.key(), now);
        freeze.filter(f -> !f.mayOverride()).ifPresent(f -> refusals.add(f.reason()));
        refusal(() -> promotion.refuseIfBroken(policy, asset.key(), revision, now)).ifPresent(refusals::add);
        if (policy.blocksBreakingDeploys() && "ErrorsFound".equals(analysis.status())) {
            refusals.add("The stage's policy blocks breaking deploys (blockBreakingDeploys), and the deployment "
                    + "analysis of revision " + revision + " found errors (below).");
        }
        return new Preview(asset, build, stage, deployed.find(stage.key(), asset.key()), analysis, policy, visible,
                freezes.list(caller, stage.key(), null).results(), freeze, List.copyOf(refusals));
    }

    private Optional<Freeze> freezeNow(Caller caller, String envKey, Instant now) {
        return refusal(() -> freezes.refuseIfFrozen(caller, envKey, null, now))
                .map(reason -> new Freeze(reason, caller.can(Permission.OVERRIDE_FREEZE, envKey)));
    }

    /** The domain's refusal in its own words, or empty when the check lets the Deploy through. */
    private static Optional<String> refusal(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (ApiException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    private Build deployableBuild(Asset asset, String buildKey) {
        Build build = builds.find(buildKey).filter(b -> b.assetKey().equals(asset.key()))
                .orElseThrow(() -> ApiException.notFound("No build with key " + buildKey + " of this asset."));
        if (!build.deployable()) {
            throw ApiException.badRequest("The build " + buildKey + " is a " + build.buildType() + " build with status "
                    + build.status() + "; only finished Release builds can be deployed.");
        }
        return build;
    }
}
