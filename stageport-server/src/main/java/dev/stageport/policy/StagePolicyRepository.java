package dev.stageport.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** stage_policy: one row per stage that has a policy. */
@Repository
public class StagePolicyRepository {

    private static final String COLUMNS = "max_operation_seconds, block_breaking_deploys, promote_from,"
            + " min_soak_minutes, required_approvals, approvers, approval_timeout_minutes, health_gate";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public StagePolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StagePolicy find(String envKey) {
        return jdbc.sql("select " + COLUMNS + " from stage_policy where env_key = ?")
                .param(envKey)
                .query(StagePolicyRepository::map).optional().orElse(StagePolicy.NONE);
    }

    public void save(String envKey, StagePolicy policy, String by, Instant now) {
        Object[] values = {policy.maxOperationSeconds(), policy.blockBreakingDeploys(), lines(policy.promoteFrom()),
                policy.minSoakMinutes(), policy.requiredApprovals(), lines(policy.approvers()),
                policy.approvalTimeoutMinutes(), gate(policy.healthGate()), Timestamp.from(now), by, envKey};
        int updated = jdbc.sql("update stage_policy set max_operation_seconds = ?, block_breaking_deploys = ?,"
                        + " promote_from = ?, min_soak_minutes = ?, required_approvals = ?, approvers = ?,"
                        + " approval_timeout_minutes = ?, health_gate = ?, updated_at = ?, updated_by = ?"
                        + " where env_key = ?")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("insert into stage_policy (" + COLUMNS + ", updated_at, updated_by, env_key)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(values).update();
        }
    }

    /** When an operation that starts now on the stage must have ended, if the stage has a deadline. */
    public Instant deadline(String envKey, Instant now) {
        return find(envKey).deadline(now);
    }

    static String lines(List<String> values) {
        return values == null ? null : String.join("\n", values);
    }

    static List<String> list(String lines) {
        return lines == null || lines.isEmpty() ? null : Arrays.asList(lines.split("\n"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static StagePolicy map(ResultSet rs, int row) throws SQLException {
        boolean block = rs.getBoolean("block_breaking_deploys");
        Boolean blocks = rs.wasNull() ? null : block;
        return new StagePolicy(integer(rs, "max_operation_seconds"), blocks, list(rs.getString("promote_from")),
                integer(rs, "min_soak_minutes"), integer(rs, "required_approvals"), list(rs.getString("approvers")),
                integer(rs, "approval_timeout_minutes"), healthGate(rs.getString("health_gate")));
    }

    private static String gate(HealthGate gate) {
        return gate == null ? null : JSON.writeValueAsString(gate);
    }

    private static HealthGate healthGate(String json) {
        return json == null ? null : JSON.readValue(json, HealthGate.class);
    }
}
