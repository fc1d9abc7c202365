package dev.stageport.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Library assets and their revisions, for GET /libraries. */
@Repository
public class LibraryRepository {

    private final JdbcClient jdbc;

    public LibraryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One revision of a library asset, with the asset's own fields. */
    public record Row(String assetKey, String type, String portfolioKey, boolean external, int revision, String name,
                      String description, Instant createdAt, String createdBy, String tag, String taggedBy,
                      Instant taggedAt) {
    }

    /** Every revision of every asset of these types, by asset then revision. */
    public List<Row> revisionsOfTypes(Set<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.asset_key, a.asset_type, a.portfolio_key, a.is_external, r.revision, r.name,
                               r.description, r.created_at, r.created_by, r.tag, r.tagged_by, r.tagged_at
                          from asset a join asset_revision r on r.asset_key = a.asset_key
                         where a.asset_type in (%s)
                         order by a.asset_key, r.revision""".formatted(
                        String.join(", ", Collections.nCopies(types.size(), "?"))))
                .params(List.copyOf(types)).query(LibraryRepository::map).list();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getString("asset_key"), rs.getString("asset_type"), rs.getString("portfolio_key"),
                rs.getBoolean("is_external"), rs.getInt("revision"), rs.getString("name"),
                rs.getString("description"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getString("tag"), rs.getString("tagged_by"), instant(rs.getTimestamp("tagged_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
