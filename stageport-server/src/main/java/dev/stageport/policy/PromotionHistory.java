package dev.stageport.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * What the promotion rules need to know of a stage's deployment history; the deployments
 * feature answers it, so the policy never reads its tables.
 */
public interface PromotionHistory {

    /** When the latest Deploy of this revision of the asset Finished in the stage, if one did. */
    Optional<Instant> lastFinishedDeploy(String envKey, String assetKey, int revision);

    /** When the latest Deploy or ApplyConfigs of the asset ended FinishedWithError in the stage since {@code since}. */
    Optional<Instant> failedSince(String envKey, String assetKey, Instant since);
}
