package dev.stageport.builds;

import dev.stageport.bundles.RunSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.stageport.work.Lease;
import dev.stageport.work.WorkMessage;
import dev.stageport.work.WorkMessages;
import dev.stageport.work.WorkQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BuildRepository {

    private static final String COLUMNS = """
            build_key, asset_key, asset_revision, build_type, status, started_at, finished_at, built_by,
            artifact_digest""";

    static final String KIND = "build";

    private final JdbcClient jdbc;
    private final WorkQueue work;
    private final WorkMessages messages;

    public BuildRepository(JdbcClient jdbc, WorkQueue work, WorkMessages messages) {
        this.jdbc = jdbc;
        this.work = work;
        this.messages = messages;
    }

    public Optional<Build> find(String buildKey) {
        return jdbc.sql("select " + COLUMNS + " from build where build_key = ?").param(buildKey)
                .query(BuildRepository::map).optional();
    }

    /** A build with what it produced, in one read (the artifact is null when there is none). */
    public record WithArtifact(Build build, BuildArtifact artifact) {
    }

    public Optional<WithArtifact> findWithArtifact(String buildKey) {
        return jdbc.sql("select " + COLUMNS + ", run_spec from build where build_key = ?").param(buildKey)
                .query((rs, n) -> new WithArtifact(map(rs, n), artifact(rs))).optional();
    }

    private static BuildArtifact artifact(ResultSet rs) throws SQLException {
        String digest = rs.getString("artifact_digest");
        String runSpec = rs.getString("run_spec");
        return digest == null ? null : new BuildArtifact(digest, runSpec == null ? null : RunSpec.parse(runSpec));
    }

    /** The artifact and run instructions of a finished build, when the build produced one. */
    public Optional<BuildArtifact> artifact(String buildKey) {
        return jdbc.sql("select artifact_digest, run_spec from build where build_key = ? and artifact_digest is not null")
                .param(buildKey)
                .query((rs, n) -> artifact(rs)).optional();
    }

    public List<Build> list(String assetKey, Integer revision, Build.BuildType type) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from build where 1 = 1");
        if (assetKey != null) {
            sql.append(" and asset_key = ?");
            params.add(assetKey);
        }
        if (revision != null) {
            sql.append(" and asset_revision = ?");
            params.add(revision);
        }
        if (type != null) {
            sql.append(" and build_type = ?");
            params.add(type.name());
        }
        sql.append(" order by started_at desc, build_key");
        return jdbc.sql(sql.toString()).params(params).query(BuildRepository::map).list();
    }

    /**
     * Inserts a build; a Pending (requested) or Finished (seeded) one takes the revision's
     * active slot for its type, so a second one raises DuplicateKeyException (the unique
     * index decides). Builds only become Running through a worker's claim, never by insert,
     * so a Running row inserted directly (test fixtures) is left out of the slot. A
     * Pending build enters the engine's queue in the same (caller's) transaction.
     */
    public void insert(Build build) {
        jdbc.sql("insert into build (" + COLUMNS + ", active_slot) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(build.key(), build.assetKey(), build.assetRevision(), build.buildType().name(),
                        build.status().name(), timestamp(build.startedAt()), timestamp(build.finishedAt()),
                        build.builtBy(), build.artifactDigest(),
                        takesSlot(build.status())
                                ? activeSlot(build.assetKey(), build.assetRevision(), build.buildType()) : null)
                .update();
        if (build.status() == Build.BuildStatus.Pending) {
            work.enqueue(build.key(), KIND, build.startedAt(), null);
        }
    }

    /** A claimed build starts (or resumes) running; conditional on it not having ended. */
    boolean markRunning(String buildKey) {
        return jdbc.sql("update build set status = 'Running', version = version + 1"
                        + " where build_key = ? and status in ('Pending', 'Running')")
                .param(buildKey).update() == 1;
    }

    /**
     * The terminal write, conditional on the build still Running. A failed build gives up
     * its active slot, so the revision can be built again; a finished one keeps it.
     */
    boolean finish(String buildKey, Build.BuildStatus to, Instant now, String artifactDigest, String runSpec) {
        return jdbc.sql("""
                update build set status = ?, finished_at = ?, lease_expires_at = null, artifact_digest = ?,
                    run_spec = ?, version = version + 1,
                    active_slot = case when ? = 'Finished' then active_slot else null end
                where build_key = ? and status = 'Running'""")
                .params(to.name(), timestamp(now), artifactDigest, runSpec, to.name(), buildKey)
                .update() == 1;
    }

    /** The build that holds the slot: the one Pending, Running or Finished build of this revision and type. */
    public Optional<Build> active(String assetKey, int revision, Build.BuildType type) {
        return jdbc.sql("select " + COLUMNS + " from build where active_slot = ?")
                .param(activeSlot(assetKey, revision, type)).query(BuildRepository::map).optional();
    }

    private static boolean takesSlot(Build.BuildStatus status) {
        return status == Build.BuildStatus.Pending || status == Build.BuildStatus.Finished;
    }

    private static String activeSlot(String assetKey, int revision, Build.BuildType type) {
        return assetKey + ":" + revision + ":" + type.name();
    }

    /** A worker's log message; written only while it holds the build's claim. */
    void addMessage(Lease lease, BuildMessage m) {
        messages.add(lease, WorkMessage.of(m.timestamp(), m.type(), m.severity(), m.message(), m.stepId(), null,
                m.errorCode()));
    }

    public List<BuildMessage> messages(String buildKey) {
        return messages.all(buildKey).stream().map(m -> new BuildMessage(m.createdAt(), m.type(), m.severity(),
                m.message(), m.stepId(), m.errorCode())).toList();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Build map(ResultSet rs, int row) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Build(rs.getString("build_key"), rs.getString("asset_key"), rs.getInt("asset_revision"),
                Build.BuildType.valueOf(rs.getString("build_type")), Build.BuildStatus.valueOf(rs.getString("status")),
                started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("built_by"), rs.getString("artifact_digest"));
    }
}
