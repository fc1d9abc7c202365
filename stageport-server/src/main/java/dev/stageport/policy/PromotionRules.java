package dev.stageport.policy;

import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.portfolio.StageRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The promotion rules of a stage's policy: a revision may deploy only after a Deploy of it
 * Finished in one of the {@code promoteFrom} stages, and (with {@code minSoakMinutes}) has run
 * there that long since, with no failed Deploy or ApplyConfigs of the asset there in between.
 */
@Component
public class PromotionRules {

    private final PromotionHistory history;
    private final StageRepository stages;

    public PromotionRules(PromotionHistory history, StageRepository stages) {
        this.history = history;
        this.stages = stages;
    }

    /** @throws ApiException PROMOTION_RULE_BROKEN naming the rule and what is missing */
    public void refuseIfBroken(StagePolicy policy, String assetKey, int revision, Instant now) {
        if (policy.promoteFrom() == null) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String source : policy.promoteFrom()) {
            Optional<String> problem = problem(policy, source, assetKey, revision, now);
            if (problem.isEmpty()) {
                return;
            }
            missing.add(problem.get());
        }
        boolean soaking = missing.stream().allMatch(m -> m.startsWith("in "));
        throw new ApiException(ErrorCode.PROMOTION_RULE_BROKEN, "Promotion rule '"
                + (soaking && policy.minSoakMinutes() != null ? "minSoakMinutes" : "promoteFrom")
                + "' of this stage is not met for revision " + revision + " of the asset " + assetKey + ": "
                + String.join("; ", missing) + ".", missing);
    }

    private Optional<String> problem(StagePolicy policy, String source, String assetKey, int revision, Instant now) {
        String stage = name(source);
        Optional<Instant> finished = history.lastFinishedDeploy(source, assetKey, revision);
        if (finished.isEmpty()) {
            return Optional.of("no Deploy of it Finished in " + stage + " (promoteFrom)");
        }
        if (policy.minSoakMinutes() == null) {
            return Optional.empty();
        }
        Optional<Instant> failed = history.failedSince(source, assetKey, finished.get());
        if (failed.isPresent()) {
            return Optional.of("in " + stage + " an operation of the asset ended FinishedWithError at " + failed.get()
                    + ", after the revision Finished there at " + finished.get() + " (minSoakMinutes)");
        }
        Duration ran = Duration.between(finished.get(), now);
        if (ran.compareTo(Duration.ofMinutes(policy.minSoakMinutes())) < 0) {
            return Optional.of("in " + stage + " it has run " + ran.toMinutes() + " of the " + policy.minSoakMinutes()
                    + " minutes required (minSoakMinutes), since " + finished.get() + "; it may deploy here from "
                    + finished.get().plus(Duration.ofMinutes(policy.minSoakMinutes())));
        }
        return Optional.empty();
    }

    private String name(String envKey) {
        return stages.find(envKey).map(s -> s.name() + " (" + envKey + ")").orElse("the stage " + envKey);
    }
}
