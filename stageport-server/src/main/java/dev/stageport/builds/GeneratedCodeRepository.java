package dev.stageport.builds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GeneratedCodeRepository {

    private static final String COLUMNS =
            "build_key, status, requested_by, started_at, finished_at, package_digest, error_message";

    private final JdbcClient jdbc;

    public GeneratedCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<GeneratedCode> find(String buildKey) {
        return jdbc.sql("select " + COLUMNS + " from generated_code_package where build_key = ?").param(buildKey)
                .query(GeneratedCodeRepository::map).optional();
    }

    /** Starts a first packaging; false when the build has one already (a concurrent request won). */
    public boolean insertRunning(String buildKey, String requestedBy, Instant now) {
        try {
            return jdbc.sql("insert into generated_code_package (build_key, status, requested_by, started_at)"
                            + " values (?, 'Running', ?, ?)")
                    .params(buildKey, requestedBy, Timestamp.from(now)).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Starts again a packaging that failed or timed out; false when another request restarted it first. */
    public boolean restart(String buildKey, String requestedBy, Instant now, Instant runningSince) {
        return jdbc.sql("update generated_code_package set status = 'Running', requested_by = ?, started_at = ?,"
                        + " finished_at = null, package_digest = null, error_message = null"
                        + " where build_key = ? and (status = 'Failed' or (status = 'Running' and started_at < ?))")
                .params(requestedBy, Timestamp.from(now), buildKey, Timestamp.from(runningSince)).update() == 1;
    }

    /** Ends the packaging begun at {@code startedAt}; false when it was restarted in the meantime. */
    public boolean finish(String buildKey, Instant startedAt, GeneratedCode.Status status, String digest,
                          String error, Instant now) {
        return jdbc.sql("update generated_code_package set status = ?, package_digest = ?, error_message = ?,"
                        + " finished_at = ? where build_key = ? and status = 'Running' and started_at = ?")
                .params(status.name(), digest, error, Timestamp.from(now), buildKey, Timestamp.from(startedAt))
                .update() == 1;
    }

    private static GeneratedCode map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new GeneratedCode(rs.getString("build_key"), GeneratedCode.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("package_digest"),
                rs.getString("error_message"));
    }
}
