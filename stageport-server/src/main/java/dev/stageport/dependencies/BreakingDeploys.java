package dev.stageport.dependencies;

import dev.stageport.dependencies.api.ApplicationIssue;
import dev.stageport.errors.ApiException;
import dev.stageport.dependencies.api.ElementIssue;
import dev.stageport.dependencies.api.PublicApplicationReport;
import dev.stageport.dependencies.api.PublicDeploymentAnalysisReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The check behind the stage policy {@code blockBreakingDeploys}: a Deploy to such a stage first
 * runs a deployment analysis (recorded like one a client launched, so its key can be read), and an
 * analysis that finds an Error names it. The analysis itself stays the same as the advisory one.
 */
@Component
public class BreakingDeploys {

    private static final int QUOTED_ISSUES = 3;

    private final AnalysisService analyses;

    BreakingDeploys(AnalysisService analyses) {
        this.analyses = analyses;
    }

    /** What made a deploy breaking: the analysis to read and a few of its errors in words. */
    public record Breaking(String analysisKey, List<String> errors) {
    }

    /**
     * @throws ApiException 409 naming the analysis and its first errors when the revision would break the stage
     */
    public void refuseIfBreaking(String assetKey, int revision, String environmentKey, String requestedBy) {
        check(assetKey, revision, environmentKey, requestedBy).ifPresent(breaking -> {
            throw ApiException.conflict("The stage's policy blocks breaking deploys (blockBreakingDeploys), and the "
                    + "deployment analysis " + breaking.analysisKey() + " of revision " + revision + " found errors: "
                    + String.join("; ", breaking.errors()) + ". Read it at GET /api/dependency-management/v1/"
                    + "deployment-analyses/" + breaking.analysisKey() + ".");
        });
    }

    public Optional<Breaking> check(String assetKey, int revision, String environmentKey, String requestedBy) {
        AnalysisService.Outcome<PublicDeploymentAnalysisReport> outcome = analyses.analyzeNow(assetKey, revision,
                environmentKey, requestedBy);
        PublicDeploymentAnalysisReport report = outcome.report();
        if (report == null || !"ErrorsFound".equals(report.status())) {
            return Optional.empty();
        }
        List<String> errors = new ArrayList<>();
        for (PublicApplicationReport impacted : report.impactedAssets()) {
            for (ElementIssue issue : nullToEmpty(impacted.elementLevelIssues())) {
                if ("Error".equals(issue.conflictSeverity())) {
                    errors.add(impacted.referenceType() + " " + impacted.assetKey() + ": " + issue.conflictType()
                            + " " + issue.name());
                }
            }
            for (ApplicationIssue issue : nullToEmpty(impacted.applicationLevelIssues())) {
                if ("Error".equals(issue.conflictSeverity())) {
                    errors.add(impacted.referenceType() + " " + impacted.assetKey() + ": " + issue.conflictType());
                }
            }
        }
        return Optional.of(new Breaking(outcome.analysis().key(),
                errors.subList(0, Math.min(QUOTED_ISSUES, errors.size()))));
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
