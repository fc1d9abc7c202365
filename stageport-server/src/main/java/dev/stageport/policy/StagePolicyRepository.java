package dev.stageport.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** stage_policy: one row per stage that has a policy. */
@Repository
public class StagePolicyRepository {

    private final JdbcClient jdbc;

    public StagePolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StagePolicy find(String envKey) {
        return jdbc.sql("select max_operation_seconds, block_breaking_deploys from stage_policy where env_key = ?")
                .param(envKey)
                .query((rs, n) -> {
                    int seconds = rs.getInt("max_operation_seconds");
                    Integer deadline = rs.wasNull() ? null : seconds;
                    boolean block = rs.getBoolean("block_breaking_deploys");
                    return new StagePolicy(deadline, rs.wasNull() ? null : block);
                }).optional().orElse(StagePolicy.NONE);
    }

    public void save(String envKey, StagePolicy policy, String by, Instant now) {
        int updated = jdbc.sql("update stage_policy set max_operation_seconds = ?, block_breaking_deploys = ?,"
                        + " updated_at = ?, updated_by = ? where env_key = ?")
                .params(policy.maxOperationSeconds(), policy.blockBreakingDeploys(), Timestamp.from(now), by, envKey)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into stage_policy (env_key, max_operation_seconds, block_breaking_deploys, updated_at,"
                            + " updated_by) values (?, ?, ?, ?, ?)")
                    .params(envKey, policy.maxOperationSeconds(), policy.blockBreakingDeploys(), Timestamp.from(now),
                            by).update();
        }
    }

    /** When an operation that starts now on the stage must have ended, if the stage has a deadline. */
    public Instant deadline(String envKey, Instant now) {
        return Optional.ofNullable(find(envKey).maxOperationSeconds()).map(now::plusSeconds).orElse(null);
    }
}
