package dev.stageport.dependencies;

import dev.stageport.assets.Asset;
import dev.stageport.dependencies.AnalysisRepository.Analysis;
import dev.stageport.dependencies.AnalysisRepository.Status;
import dev.stageport.dependencies.AnalysisRepository.Type;
import dev.stageport.dependencies.api.PublicDeletionAnalysisReport;
import dev.stageport.dependencies.api.PublicDeploymentAnalysisReport;
import dev.stageport.dependencies.api.PublicLaunchDeletionAnalysisRequest;
import dev.stageport.dependencies.api.PublicLaunchDeploymentAnalysisRequest;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Launches and reads analyses. A launch records the analysis InProgress and hands
 * it to a small executor; a read of one still InProgress computes it on the spot,
 * so an analysis whose server died half-way still finishes. Either way the first
 * conditional update wins and the report never changes after that.
 */
@Service
public class AnalysisService {

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalysisRepository analyses;
    private final RevisionCatalog catalog;
    private final StageRepository stages;
    private final DeploymentAnalyzer deployment;
    private final DeletionAnalyzer deletion;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dependency-analysis");
        thread.setDaemon(true);
        return thread;
    });

    AnalysisService(AnalysisRepository analyses, RevisionCatalog catalog, StageRepository stages,
                    DeploymentAnalyzer deployment, DeletionAnalyzer deletion, Clock clock) {
        this.analyses = analyses;
        this.catalog = catalog;
        this.stages = stages;
        this.deployment = deployment;
        this.deletion = deletion;
        this.clock = clock;
    }

    /** Release management > Deploy apps on the target stage. */
    public String launchDeployment(Caller caller, PublicLaunchDeploymentAnalysisRequest request) {
        if (request == null) {
            throw ApiException.badRequest("The body needs 'assetKey', 'revision' and 'environmentKey'.");
        }
        String assetKey = Keys.parse(request.assetKey(), "assetKey").toString();
        if (request.revision() == null || request.revision() < 1) {
            throw ApiException.badRequest("'revision' must be a revision number of at least 1, got "
                    + request.revision() + ".");
        }
        String stage = Keys.parse(request.environmentKey(), "environmentKey").toString();
        if (stages.find(stage).isEmpty()) {
            throw ApiException.stageNotFound(stage, "environmentKey");
        }
        caller.require(Permission.DEPLOY_APPS, stage);
        catalog.require(assetKey, request.revision(), "assetKey", "revision");
        return launch(new Analysis(UUID.randomUUID().toString(), Type.Deployment, assetKey, request.revision(), stage,
                Status.InProgress, null, null, clock.instant(), caller.clientId()));
    }

    /** Asset management > Delete. */
    public String launchDeletion(Caller caller, PublicLaunchDeletionAnalysisRequest request) {
        caller.requireAnywhere(Permission.ASSET_DELETE);
        if (request == null) {
            throw ApiException.badRequest("The body needs 'assetKey'.");
        }
        String assetKey = Keys.parse(request.assetKey(), "assetKey").toString();
        catalog.requireAsset(assetKey, "assetKey");
        return launch(new Analysis(UUID.randomUUID().toString(), Type.Deletion, assetKey, null, null,
                Status.InProgress, null, null, clock.instant(), caller.clientId()));
    }

    public record Outcome<R>(Analysis analysis, R report) {
    }

    /** Stage > View stage or Release management > Deploy apps on the analysis's stage. */
    public Outcome<PublicDeploymentAnalysisReport> deployment(Caller caller, String analysisKey) {
        Analysis analysis = find(analysisKey, Type.Deployment);
        if (!caller.can(Permission.STAGE_VIEW, analysis.environmentKey())) {
            caller.requireUnnamed(Permission.DEPLOY_APPS, analysis.environmentKey(), "the analysis " + analysisKey);
        }
        Analysis done = complete(analysis);
        return new Outcome<>(done, done.report() == null ? null
                : JSON.readValue(done.report(), PublicDeploymentAnalysisReport.class));
    }

    /** Asset management > Delete; stages the caller has no grant on are left out of the report. */
    public Outcome<PublicDeletionAnalysisReport> deletion(Caller caller, String analysisKey) {
        caller.requireAnywhere(Permission.ASSET_DELETE);
        Analysis done = complete(find(analysisKey, Type.Deletion));
        PublicDeletionAnalysisReport report = done.report() == null ? null
                : JSON.readValue(done.report(), PublicDeletionAnalysisReport.class);
        return new Outcome<>(done, report == null ? null : DeletionAnalyzer.visibleTo(report,
                stage -> caller.can(Permission.STAGE_VIEW, stage) || caller.can(Permission.ASSET_DELETE, stage)));
    }

    /**
     * A deployment analysis recorded and computed on the calling thread, for a Deploy that must
     * wait for its verdict (stage policy blockBreakingDeploys); the caller checked the permissions.
     */
    Outcome<PublicDeploymentAnalysisReport> analyzeNow(String assetKey, int revision, String environmentKey,
                                                       String requestedBy) {
        Analysis analysis = new Analysis(UUID.randomUUID().toString(), Type.Deployment, assetKey, revision,
                environmentKey, Status.InProgress, null, null, clock.instant(), requestedBy);
        analyses.insert(analysis);
        Analysis done = complete(analysis);
        return new Outcome<>(done, done.report() == null ? null
                : JSON.readValue(done.report(), PublicDeploymentAnalysisReport.class));
    }

    private String launch(Analysis analysis) {
        analyses.insert(analysis);
        executor.execute(() -> {
            try {
                complete(analysis);
            } catch (RuntimeException e) {
                // the next read computes it again
                log.warn("Analysis {} could not be computed in the background", analysis.key(), e);
            }
        });
        return analysis.key();
    }

    private Analysis find(String analysisKey, Type type) {
        String key = Keys.parse(analysisKey, "analysisKey").toString();
        return analyses.find(key).filter(a -> a.type() == type).orElseThrow(() -> ApiException.notFound(
                "No " + type.name().toLowerCase() + " analysis has the key " + key + " ('analysisKey')."));
    }

    private Analysis complete(Analysis analysis) {
        if (analysis.status() != Status.InProgress) {
            return analysis;
        }
        try {
            analyses.finish(analysis.key(), Status.Finished, JSON.writeValueAsString(compute(analysis)), null,
                    clock.instant());
        } catch (ApiException e) {
            analyses.finish(analysis.key(), Status.Failed, null, e.getMessage(), clock.instant());
        }
        return analyses.find(analysis.key()).orElse(analysis);
    }

    private Object compute(Analysis analysis) {
        if (analysis.type() == Type.Deletion) {
            Asset asset = catalog.requireAsset(analysis.assetKey(), "assetKey");
            return deletion.analyze(asset);
        }
        Stage stage = stages.find(analysis.environmentKey()).orElseThrow(() -> ApiException.notFound(
                "The stage " + analysis.environmentKey() + " was removed before the analysis ran."));
        return deployment.analyze(catalog.require(analysis.assetKey(), analysis.revision(), "assetKey", "revision"),
                stage);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
