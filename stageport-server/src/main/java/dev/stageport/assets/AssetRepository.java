package dev.stageport.assets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AssetRepository {

    private static final String ASSET_COLUMNS = """
            asset_key, name, description, asset_type, portfolio_key, is_external, created_at, created_by""";
    private static final String REVISION_COLUMNS = """
            asset_key, revision, name, description, tag, tagged_by, tagged_at, commit_message, release_notes,
            model_digest, config_schema, created_at, created_by""";

    private final JdbcClient jdbc;
    private final AssetPortfolio portfolio;

    public AssetRepository(JdbcClient jdbc, AssetPortfolio portfolio) {
        this.jdbc = jdbc;
        this.portfolio = portfolio;
    }

    public Optional<Asset> find(String assetKey) {
        return jdbc.sql("select " + ASSET_COLUMNS + " from asset where asset_key = ?").param(assetKey)
                .query(AssetRepository::mapAsset).optional();
    }

    public Optional<AssetRevision> findRevision(String assetKey, int revision) {
        return jdbc.sql("select " + REVISION_COLUMNS + " from asset_revision where asset_key = ? and revision = ?")
                .params(assetKey, revision)
                .query(AssetRepository::mapRevision).optional();
    }

    /** A revision and its asset. */
    public record RevisionOfAsset(Asset asset, AssetRevision revision) {
    }

    /** A revision with its asset in one read (the deployment engine's configuration step reads both). */
    public Optional<RevisionOfAsset> findRevisionOfAsset(String assetKey, int revision) {
        String revisionColumns = java.util.Arrays.stream(REVISION_COLUMNS.split(","))
                .map(column -> "r." + column.strip()).collect(java.util.stream.Collectors.joining(", "));
        return jdbc.sql("select " + revisionColumns + ", a.name as asset_name, a.description as asset_description,"
                        + " a.asset_type, a.portfolio_key, a.is_external, a.created_at as asset_created_at,"
                        + " a.created_by as asset_created_by from asset_revision r join asset a"
                        + " on a.asset_key = r.asset_key where r.asset_key = ? and r.revision = ?")
                .params(assetKey, revision)
                .query((rs, n) -> new RevisionOfAsset(new Asset(rs.getString("asset_key"), rs.getString("asset_name"),
                        rs.getString("asset_description"), rs.getString("asset_type"), rs.getString("portfolio_key"),
                        rs.getBoolean("is_external"), rs.getTimestamp("asset_created_at").toInstant(),
                        rs.getString("asset_created_by")), mapRevision(rs, n)))
                .optional();
    }

    public Optional<AssetRevision> findByTag(String assetKey, String tag) {
        return jdbc.sql("select " + REVISION_COLUMNS + " from asset_revision where asset_key = ? and tag = ?")
                .params(assetKey, tag)
                .query(AssetRepository::mapRevision).optional();
    }

    public Optional<AssetRevision> latestRevision(String assetKey) {
        return jdbc.sql("select " + REVISION_COLUMNS
                        + " from asset_revision where asset_key = ? order by revision desc limit 1")
                .param(assetKey)
                .query(AssetRepository::mapRevision).optional();
    }

    /** Latest revision of each asset matching the filter, one page of it, and the total count. */
    public Page<AssetRevision> listLatest(AssetFilter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" " + """
                from asset a join asset_revision r on r.asset_key = a.asset_key
                 and r.revision = (select max(revision) from asset_revision x where x.asset_key = a.asset_key)
                 where 1 = 1""");
        if (filter.nameContains() != null) {
            where.append(" and lower(a.name) like ?");
            params.add("%" + filter.nameContains().toLowerCase() + "%");
        }
        if (filter.nameOrDescriptionContains() != null) {
            where.append(" and (lower(a.name) like ? or lower(coalesce(a.description, '')) like ?)");
            String like = "%" + filter.nameOrDescriptionContains().toLowerCase() + "%";
            params.add(like);
            params.add(like);
        }
        in(where, params, "a.asset_type", filter.assetTypes());
        in(where, params, "a.asset_key", filter.assetKeys());
        in(where, params, "a.portfolio_key", filter.portfolioKeys());
        if (filter.external() != null) {
            where.append(" and a.is_external = ?");
            params.add(filter.external());
        }
        if (filter.deployable() != null) {
            where.append(filter.deployable() ? " and a.asset_type in ('WebApplication', 'MobileApplication', 'Agent')"
                    : " and a.asset_type not in ('WebApplication', 'MobileApplication', 'Agent')");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<AssetRevision> rows = jdbc.sql("select " + prefixed("r.", REVISION_COLUMNS) + where
                        + " order by " + filter.orderBy() + ", a.asset_key limit ? offset ?")
                .params(pageParams)
                .query(AssetRepository::mapRevision).list();
        return new Page<>(rows, (int) total);
    }

    public Page<AssetRevision> listRevisions(String assetKey, RevisionFilter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        params.add(assetKey);
        StringBuilder where = new StringBuilder(" from asset_revision where asset_key = ?");
        if (filter.since() != null) {
            where.append(" and created_at >= ?");
            params.add(Timestamp.from(filter.since()));
        }
        if (filter.to() != null) {
            where.append(" and created_at <= ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (filter.tagged() != null) {
            where.append(filter.tagged() ? " and tag is not null" : " and tag is null");
        }
        if (filter.tag() != null) {
            where.append(" and tag = ?");
            params.add(filter.tag());
        }
        if (filter.modelDigest() != null) {
            where.append(" and model_digest = ?");
            params.add(filter.modelDigest());
        }
        if (filter.commitMessageContains() != null) {
            where.append(" and lower(coalesce(commit_message, '')) like ?");
            params.add("%" + filter.commitMessageContains().toLowerCase() + "%");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<AssetRevision> rows = jdbc.sql("select " + REVISION_COLUMNS + where + " order by " + filter.orderBy() + ", revision"
                        + " limit ? offset ?")
                .params(pageParams)
                .query(AssetRepository::mapRevision).list();
        return new Page<>(rows, (int) total);
    }

    /** An asset without a portfolio of its own joins the main one. */
    public void insert(Asset asset) {
        jdbc.sql("insert into asset (" + ASSET_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(asset.key(), asset.name(), asset.description(), asset.assetType(),
                        asset.portfolioKey() == null ? portfolio.mainPortfolioKey() : asset.portfolioKey(),
                        asset.external(), Timestamp.from(asset.createdAt()), asset.createdBy())
                .update();
    }

    public void insertRevision(AssetRevision r) {
        jdbc.sql("insert into asset_revision (" + REVISION_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.assetKey(), r.revision(), r.name(), r.description(), r.tag(), r.taggedBy(),
                        timestamp(r.taggedAt()), r.commitMessage(), r.releaseNotes(), r.modelDigest(),
                        r.configSchema(), Timestamp.from(r.createdAt()), r.createdBy())
                .update();
    }

    /** Stores a revision created from an uploaded bundle together with the bundle's digest. */
    public void insertRevision(AssetRevision r, String bundleDigest) {
        insertRevision(r);
        jdbc.sql("update asset_revision set bundle_digest = ? where asset_key = ? and revision = ?")
                .params(bundleDigest, r.assetKey(), r.revision()).update();
    }

    public Optional<String> bundleDigest(String assetKey, int revision) {
        return jdbc.sql("select bundle_digest from asset_revision where asset_key = ? and revision = ?")
                .params(assetKey, revision).query(String.class).optional();
    }

    public int highestRevisionNumber(String assetKey) {
        return jdbc.sql("select coalesce(max(revision), 0) from asset_revision where asset_key = ?")
                .param(assetKey).query(Integer.class).single();
    }

    /** Every tagged revision of the asset (few per asset), for semantic-version comparisons. */
    public List<AssetRevision> taggedRevisions(String assetKey) {
        return jdbc.sql("select " + REVISION_COLUMNS + " from asset_revision where asset_key = ? and tag is not null")
                .param(assetKey).query(AssetRepository::mapRevision).list();
    }

    /** Name and description of an asset follow its newest revision. */
    public void describe(String assetKey, String name, String description) {
        jdbc.sql("update asset set name = ?, description = ? where asset_key = ?")
                .params(name, description, assetKey).update();
    }

    /** Tag, release notes and commit message of one revision; false when it does not exist. */
    public boolean label(String assetKey, int revision, String tag, String taggedBy, Instant taggedAt,
                         String releaseNotes, String commitMessage) {
        return jdbc.sql("update asset_revision set tag = ?, tagged_by = ?, tagged_at = ?, release_notes = ?,"
                        + " commit_message = ? where asset_key = ? and revision = ?")
                .params(tag, taggedBy, timestamp(taggedAt), releaseNotes, commitMessage, assetKey, revision)
                .update() == 1;
    }

    /**
     * Work in flight that still reads the asset: Running deployment operations and
     * builds not yet finished. Deleting under them would fail them half-way.
     */
    public boolean hasWorkInFlight(String assetKey) {
        return jdbc.sql("select (select count(*) from deployment_operation where asset_key = ? and status = 'Running')"
                        + " + (select count(*) from build where asset_key = ? and status in ('Pending', 'Running'))")
                .params(assetKey, assetKey).query(Long.class).single() > 0;
    }

    /** The artifact-store blobs the asset's revisions (bundles) and builds (artifacts) name. */
    public List<String> blobDigests(String assetKey) {
        return jdbc.sql("""
                select bundle_digest from asset_revision where asset_key = ? and bundle_digest is not null
                union select artifact_digest from build where asset_key = ? and artifact_digest is not null""")
                .params(assetKey, assetKey).query(String.class).list();
    }

    /** Removes the asset, its revisions and builds (cascade) and its per-stage configuration values. */
    public boolean deleteWithConfiguration(String assetKey) {
        jdbc.sql("delete from config_value where asset_key = ?").param(assetKey).update();
        return jdbc.sql("delete from asset where asset_key = ?").param(assetKey).update() == 1;
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        where.append(" and ").append(column).append(" in (")
                .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(')');
        params.addAll(values);
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(","))
                .map(c -> prefix + c.trim()).toList());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Asset mapAsset(ResultSet rs, int row) throws SQLException {
        return new Asset(rs.getString("asset_key"), rs.getString("name"), rs.getString("description"),
                rs.getString("asset_type"), rs.getString("portfolio_key"), rs.getBoolean("is_external"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static AssetRevision mapRevision(ResultSet rs, int row) throws SQLException {
        return new AssetRevision(rs.getString("asset_key"), rs.getInt("revision"), rs.getString("name"),
                rs.getString("description"), rs.getString("tag"), rs.getString("tagged_by"),
                instant(rs.getTimestamp("tagged_at")), rs.getString("commit_message"),
                rs.getString("release_notes"), rs.getString("model_digest"), rs.getString("config_schema"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    public record Page<T>(List<T> rows, int total) {
    }
}
