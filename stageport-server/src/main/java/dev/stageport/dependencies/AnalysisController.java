package dev.stageport.dependencies;

import dev.stageport.dependencies.AnalysisRepository.Analysis;
import dev.stageport.dependencies.api.PublicDeletionAnalysisReport;
import dev.stageport.dependencies.api.PublicDeletionAnalysisReportPublicAnalysisResult;
import dev.stageport.dependencies.api.PublicDeploymentAnalysisReport;
import dev.stageport.dependencies.api.PublicDeploymentAnalysisReportPublicAnalysisResult;
import dev.stageport.dependencies.api.PublicLaunchDeletionAnalysisRequest;
import dev.stageport.dependencies.api.PublicLaunchDeploymentAnalysisRequest;
import dev.stageport.dependencies.api.ReferenceKeyResponse;
import dev.stageport.identity.Caller;
import dev.stageport.errors.ErrorCode;
import dev.stageport.web.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The ODC Dependency Management API, analysis part. Rules live in {@link AnalysisService}. */
@RestController
@RequestMapping("/api/dependency-management/v1")
public class AnalysisController {

    private final AnalysisService analyses;

    AnalysisController(AnalysisService analyses) {
        this.analyses = analyses;
    }

    @PostMapping("/deployment-analyses")
    @ResponseStatus(HttpStatus.CREATED)
    ReferenceKeyResponse launchDeployment(Caller caller,
                                          @RequestBody(required = false) PublicLaunchDeploymentAnalysisRequest body) {
        return new ReferenceKeyResponse(analyses.launchDeployment(caller, body));
    }

    @GetMapping("/deployment-analyses/{analysisKey}")
    PublicDeploymentAnalysisReportPublicAnalysisResult deployment(Caller caller, @PathVariable String analysisKey) {
        AnalysisService.Outcome<PublicDeploymentAnalysisReport> outcome = analyses.deployment(caller, analysisKey);
        Analysis a = outcome.analysis();
        return new PublicDeploymentAnalysisReportPublicAnalysisResult(a.key(), a.type().name(), a.status().name(),
                error(a), outcome.report(), a.environmentKey(), a.startedAt(), a.assetKey());
    }

    @PostMapping("/deletion-analyses")
    @ResponseStatus(HttpStatus.CREATED)
    ReferenceKeyResponse launchDeletion(Caller caller,
                                        @RequestBody(required = false) PublicLaunchDeletionAnalysisRequest body) {
        return new ReferenceKeyResponse(analyses.launchDeletion(caller, body));
    }

    @GetMapping("/deletion-analyses/{analysisKey}")
    PublicDeletionAnalysisReportPublicAnalysisResult deletion(Caller caller, @PathVariable String analysisKey) {
        AnalysisService.Outcome<PublicDeletionAnalysisReport> outcome = analyses.deletion(caller, analysisKey);
        Analysis a = outcome.analysis();
        return new PublicDeletionAnalysisReportPublicAnalysisResult(a.key(), a.type().name(), a.status().name(),
                error(a), outcome.report(), a.environmentKey(), a.startedAt(), a.assetKey());
    }

    private static ProblemDetails error(Analysis a) {
        if (a.error() == null) {
            return null;
        }
        return new ProblemDetails(null, "Analysis failed", org.springframework.http.HttpStatus.CONFLICT.value(), a.error(), null,
                null, null, null);
    }
}
