package dev.stageport.dependencies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public element search: one page of elements over chosen revisions, with the total. */
@Repository
public class ElementSearchRepository {

    private final JdbcClient jdbc;

    ElementSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param revisions (asset key, revision) pairs to search; null means the latest revision of every asset
     * @param orderBy   a column expression chosen from a fixed list by the caller
     */
    public record Query(String nameContains, String nameOrDescriptionContains, String elementType,
                        boolean includeHidden, List<ElementRepository.ConsumerLink> revisions, String orderBy,
                        boolean ascending, int limit, int offset) {
    }

    public record Hit(String assetKey, String assetName, String assetType, int revision, String tag,
                      ElementSnapshot element) {
    }

    public record Page(List<Hit> hits, int total) {
    }

    public Page search(Query q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" from dependency_element e"
                + " join asset a on a.asset_key = e.asset_key"
                + " join asset_revision r on r.asset_key = e.asset_key and r.revision = e.revision where 1 = 1");
        if (q.revisions() == null) {
            where.append(" and e.revision = (select max(x.revision) from asset_revision x"
                    + " where x.asset_key = e.asset_key)");
        } else if (q.revisions().isEmpty()) {
            return new Page(List.of(), 0);
        } else {
            where.append(" and (").append(String.join(" or ",
                    Collections.nCopies(q.revisions().size(), "(e.asset_key = ? and e.revision = ?)"))).append(')');
            for (ElementRepository.ConsumerLink link : q.revisions()) {
                params.add(link.assetKey());
                params.add(link.revision());
            }
        }
        if (q.nameContains() != null) {
            where.append(" and lower(e.name) like ?");
            params.add(like(q.nameContains()));
        }
        if (q.nameOrDescriptionContains() != null) {
            where.append(" and (lower(e.name) like ? or lower(coalesce(e.description, '')) like ?)");
            params.add(like(q.nameOrDescriptionContains()));
            params.add(like(q.nameOrDescriptionContains()));
        }
        if (q.elementType() != null) {
            where.append(" and e.element_type = ?");
            params.add(q.elementType());
        }
        if (!q.includeHidden()) {
            where.append(" and e.is_hidden = false");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> page = new ArrayList<>(params);
        page.add(q.limit());
        page.add(q.offset());
        String direction = q.ascending() ? " asc" : " desc";
        List<Hit> hits = jdbc.sql("select e.asset_key, a.name as asset_name, a.asset_type, e.revision, r.tag, "
                        + prefixed() + where + " order by " + q.orderBy() + direction + ", e.asset_key"
                        + direction + ", e.element_key" + direction + " limit ? offset ?")
                .params(page)
                .query((rs, n) -> new Hit(rs.getString("asset_key"), rs.getString("asset_name"),
                        rs.getString("asset_type"), rs.getInt("revision"), rs.getString("tag"),
                        ElementRepository.element(rs, n)))
                .list();
        return new Page(hits, (int) total);
    }

    /** The newest revision of the asset, or its newest with this model digest; empty when there is none. */
    public java.util.Optional<Integer> revision(String assetKey, String modelDigest) {
        return (modelDigest == null
                ? jdbc.sql("select max(revision) from asset_revision where asset_key = ?").param(assetKey)
                : jdbc.sql("select max(revision) from asset_revision where asset_key = ? and model_digest = ?")
                        .params(assetKey, modelDigest))
                .query((rs, n) -> {
                    int revision = rs.getInt(1);
                    return rs.wasNull() ? null : revision;
                }).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static String prefixed() {
        return String.join(", ", java.util.Arrays.stream(ElementRepository.ELEMENT_COLUMNS.split(","))
                .map(c -> "e." + c.trim()).toList());
    }

    /** The user's text matches literally: LIKE wildcards in it are escaped. */
    private static String like(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
