package dev.stageport.dependencies;

import dev.stageport.bundles.PublicElement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Public elements, producer links and referenced elements of asset revisions. */
@Repository
public class ElementRepository {

    static final String ELEMENT_COLUMNS = """
            element_key, name, element_type, description, is_hidden, signature, signature_digest,
            compatibility_digest""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ElementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A producer of a revision: the asset and the revision it was resolved to at upload. */
    public record ProducerLink(String producerKey, int producerRevision) {
    }

    /** A revision that consumes a producer. */
    public record ConsumerLink(String assetKey, int revision) {
    }

    /** An element a consumer references, as the producer offered it at upload. */
    public record Reference(String producerKey, ElementSnapshot element) {
    }

    void insertElement(String assetKey, int revision, ElementSnapshot e) {
        jdbc.sql("insert into dependency_element (asset_key, revision, " + ELEMENT_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assetKey, revision, e.key(), e.name(), e.type(), e.description(), e.hidden(),
                        JSON.writeValueAsString(e.signature()), e.signatureDigest(), e.compatibilityDigest())
                .update();
    }

    void insertProducer(String assetKey, int revision, ProducerLink link) {
        jdbc.sql("insert into dependency_producer (asset_key, revision, producer_key, producer_revision)"
                        + " values (?, ?, ?, ?)")
                .params(assetKey, revision, link.producerKey(), link.producerRevision()).update();
    }

    void insertReference(String assetKey, int revision, String producerKey, ElementSnapshot e) {
        jdbc.sql("insert into dependency_reference (asset_key, revision, producer_key, " + ELEMENT_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assetKey, revision, producerKey, e.key(), e.name(), e.type(), e.description(), e.hidden(),
                        JSON.writeValueAsString(e.signature()), e.signatureDigest(), e.compatibilityDigest())
                .update();
    }

    public List<ElementSnapshot> elements(String assetKey, int revision) {
        return jdbc.sql("select " + ELEMENT_COLUMNS + " from dependency_element where asset_key = ? and revision = ?"
                        + " order by element_key")
                .params(assetKey, revision).query(ElementRepository::element).list();
    }

    public Optional<ElementSnapshot> element(String assetKey, int revision, String elementKey) {
        return jdbc.sql("select " + ELEMENT_COLUMNS + " from dependency_element where asset_key = ? and revision = ?"
                        + " and lower(element_key) = lower(?)")
                .params(assetKey, revision, elementKey).query(ElementRepository::element).optional();
    }

    public List<ProducerLink> producers(String assetKey, int revision) {
        return jdbc.sql("select producer_key, producer_revision from dependency_producer"
                        + " where asset_key = ? and revision = ? order by producer_key")
                .params(assetKey, revision)
                .query((rs, n) -> new ProducerLink(rs.getString(1), rs.getInt(2))).list();
    }

    public List<Reference> references(String assetKey, int revision) {
        return jdbc.sql("select producer_key, " + ELEMENT_COLUMNS + " from dependency_reference"
                        + " where asset_key = ? and revision = ? order by producer_key, element_key")
                .params(assetKey, revision)
                .query((rs, n) -> new Reference(rs.getString("producer_key"), element(rs, n))).list();
    }

    /**
     * Revisions that consume the producer (at {@code producerRevision} when given),
     * using the element {@code elementKey} when given.
     */
    public List<ConsumerLink> consumers(String producerKey, Integer producerRevision, String elementKey) {
        StringBuilder sql = new StringBuilder("select p.asset_key, p.revision from dependency_producer p"
                + " where p.producer_key = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(producerKey));
        if (producerRevision != null) {
            sql.append(" and p.producer_revision = ?");
            params.add(producerRevision);
        }
        if (elementKey != null) {
            sql.append(" and exists (select 1 from dependency_reference r where r.asset_key = p.asset_key"
                    + " and r.revision = p.revision and r.producer_key = p.producer_key"
                    + " and lower(r.element_key) = lower(?))");
            params.add(elementKey);
        }
        sql.append(" order by p.asset_key, p.revision");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new ConsumerLink(rs.getString(1), rs.getInt(2))).list();
    }

    /** What runs in the stage: asset key and deployed revision. */
    public List<ConsumerLink> deployedIn(String environmentKey) {
        return jdbc.sql("select asset_key, revision from deployed_asset where env_key = ? order by asset_key")
                .param(environmentKey).query((rs, n) -> new ConsumerLink(rs.getString(1), rs.getInt(2))).list();
    }

    public Optional<Integer> deployedRevision(String environmentKey, String assetKey) {
        return jdbc.sql("select revision from deployed_asset where env_key = ? and asset_key = ?")
                .params(environmentKey, assetKey).query(Integer.class).optional();
    }

    static ElementSnapshot element(ResultSet rs, int row) throws SQLException {
        return new ElementSnapshot(rs.getString("element_key"), rs.getString("name"), rs.getString("element_type"),
                rs.getString("description"), rs.getBoolean("is_hidden"),
                JSON.readValue(rs.getString("signature"), PublicElement.Signature.class),
                rs.getString("signature_digest"), rs.getString("compatibility_digest"));
    }
}
