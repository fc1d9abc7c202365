package dev.stageport.dependencies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deployment and deletion analyses; the status moves InProgress to Finished or Failed exactly once. */
@Repository
public class AnalysisRepository {

    public enum Type { Deployment, Deletion }

    public enum Status { InProgress, Finished, Failed }

    /** {@code report} is the finished report as JSON; {@code error} why a Failed analysis failed. */
    public record Analysis(String key, Type type, String assetKey, Integer revision, String environmentKey,
                           Status status, String report, String error, Instant startedAt, String requestedBy) {
    }

    private static final String COLUMNS = """
            analysis_key, analysis_type, asset_key, revision, env_key, process_status, report, error_detail,
            started_at, requested_by""";

    private final JdbcClient jdbc;

    AnalysisRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Analysis a) {
        jdbc.sql("insert into dependency_analysis (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.key(), a.type().name(), a.assetKey(), a.revision(), a.environmentKey(), a.status().name(),
                        a.report(), a.error(), Timestamp.from(a.startedAt()), a.requestedBy())
                .update();
    }

    public Optional<Analysis> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from dependency_analysis where analysis_key = ?").param(key)
                .query(AnalysisRepository::map).optional();
    }

    /** Ends a running analysis; false when another worker ended it first. */
    boolean finish(String key, Status status, String report, String error, Instant at) {
        return jdbc.sql("update dependency_analysis set process_status = ?, report = ?, error_detail = ?,"
                        + " finished_at = ? where analysis_key = ? and process_status = 'InProgress'")
                .params(status.name(), report, error, Timestamp.from(at), key).update() == 1;
    }

    private static Analysis map(ResultSet rs, int row) throws SQLException {
        int revision = rs.getInt("revision");
        Integer rev = rs.wasNull() ? null : revision;
        return new Analysis(rs.getString("analysis_key"), Type.valueOf(rs.getString("analysis_type")),
                rs.getString("asset_key"), rev, rs.getString("env_key"),
                Status.valueOf(rs.getString("process_status")), rs.getString("report"),
                rs.getString("error_detail"), rs.getTimestamp("started_at").toInstant(),
                rs.getString("requested_by"));
    }
}
