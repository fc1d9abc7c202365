package dev.stageport.deployments;

import dev.stageport.policy.PromotionHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deployment history the promotion rules ask about, from deployment_operation. */
@Repository
class DeploymentHistory implements PromotionHistory {

    private final JdbcClient jdbc;

    DeploymentHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastFinishedDeploy(String envKey, String assetKey, int revision) {
        return instant(jdbc.sql("select max(finished_at) from deployment_operation where env_key = ? and asset_key = ?"
                        + " and revision = ? and operation = 'Deploy' and status = 'Finished'")
                .params(envKey, assetKey, revision).query(Timestamp.class).optional());
    }

    @Override
    public Optional<Instant> failedSince(String envKey, String assetKey, Instant since) {
        return instant(jdbc.sql("select max(finished_at) from deployment_operation where env_key = ? and asset_key = ?"
                        + " and operation in ('Deploy', 'ApplyConfigs') and status = 'FinishedWithError'"
                        + " and finished_at >= ?")
                .params(envKey, assetKey, Timestamp.from(since)).query(Timestamp.class).optional());
    }

    private static Optional<Instant> instant(Optional<Timestamp> at) {
        return at.map(Timestamp::toInstant);
    }
}
