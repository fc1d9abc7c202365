package dev.stageport.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeployedAssetRepository {

    private static final String COLUMNS = """
            env_key, asset_key, revision, build_key, deployment_key, deployed_at, deployed_by, config_snapshot""";

    private final JdbcClient jdbc;

    public DeployedAssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DeployedAsset> find(String environmentKey, String assetKey) {
        return jdbc.sql("select " + COLUMNS + " from deployed_asset where env_key = ? and asset_key = ?")
                .params(environmentKey, assetKey)
                .query(DeployedAssetRepository::map).optional();
    }

    public List<DeployedAsset> all() {
        return jdbc.sql("select " + COLUMNS + " from deployed_asset order by deployed_at desc")
                .query(DeployedAssetRepository::map).list();
    }

    public boolean deployedAnywhere(String assetKey) {
        return jdbc.sql("select count(*) from deployed_asset where asset_key = ?").param(assetKey)
                .query(Long.class).single() > 0;
    }

    /** Replaces what runs in the stage (Deploy, ApplyConfigs). */
    public void save(DeployedAsset deployed) {
        int updated = jdbc.sql("""
                update deployed_asset set revision = ?, build_key = ?, deployment_key = ?, deployed_at = ?,
                       deployed_by = ?, config_snapshot = ?
                where env_key = ? and asset_key = ?""")
                .params(deployed.revision(), deployed.buildKey(), deployed.deploymentKey(),
                        Timestamp.from(deployed.deployedAt()), deployed.deployedBy(), deployed.configSnapshot(),
                        deployed.environmentKey(), deployed.assetKey())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into deployed_asset (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(deployed.environmentKey(), deployed.assetKey(), deployed.revision(), deployed.buildKey(),
                            deployed.deploymentKey(), Timestamp.from(deployed.deployedAt()), deployed.deployedBy(),
                            deployed.configSnapshot())
                    .update();
        }
    }

    /** Undeploy. */
    public void remove(String environmentKey, String assetKey) {
        jdbc.sql("delete from deployed_asset where env_key = ? and asset_key = ?")
                .params(environmentKey, assetKey).update();
    }

    private static DeployedAsset map(ResultSet rs, int row) throws SQLException {
        return new DeployedAsset(rs.getString("env_key"), rs.getString("asset_key"), rs.getInt("revision"),
                rs.getString("build_key"), rs.getString("deployment_key"),
                rs.getTimestamp("deployed_at").toInstant(), rs.getString("deployed_by"),
                rs.getString("config_snapshot"));
    }
}
