package dev.stageport.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** stage_policy: one row per stage that has a policy. */
@Repository
public class StagePolicyRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public StagePolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StagePolicy find(String envKey) {
        return jdbc.sql("select max_operation_seconds, block_breaking_deploys, health_gate from stage_policy"
                        + " where env_key = ?")
                .param(envKey)
                .query((rs, n) -> {
                    int seconds = rs.getInt("max_operation_seconds");
                    Integer deadline = rs.wasNull() ? null : seconds;
                    boolean block = rs.getBoolean("block_breaking_deploys");
                    Boolean blocks = rs.wasNull() ? null : block;
                    return new StagePolicy(deadline, blocks,
                            healthGate(rs.getString("health_gate")));
                }).optional().orElse(StagePolicy.NONE);
    }

    public void save(String envKey, StagePolicy policy, String by, Instant now) {
        String gate = policy.healthGate() == null ? null : JSON.writeValueAsString(policy.healthGate());
        int updated = jdbc.sql("update stage_policy set max_operation_seconds = ?, block_breaking_deploys = ?,"
                        + " health_gate = ?,"
                        + " updated_at = ?, updated_by = ? where env_key = ?")
                .params(policy.maxOperationSeconds(), policy.blockBreakingDeploys(), gate,
                        Timestamp.from(now), by, envKey)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into stage_policy (env_key, max_operation_seconds, block_breaking_deploys,"
                            + " health_gate,"
                            + " updated_at, updated_by) values (?, ?, ?, ?, ?, ?)")
                    .params(envKey, policy.maxOperationSeconds(), policy.blockBreakingDeploys(), gate,
                            Timestamp.from(now), by).update();
        }
    }

    /** When an operation that starts now on the stage must have ended, if the stage has a deadline. */
    public Instant deadline(String envKey, Instant now) {
        return Optional.ofNullable(find(envKey).maxOperationSeconds()).map(now::plusSeconds).orElse(null);
    }

    private static HealthGate healthGate(String json) {
        return json == null ? null : JSON.readValue(json, HealthGate.class);
    }
}
