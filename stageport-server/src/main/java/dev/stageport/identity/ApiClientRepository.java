package dev.stageport.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class ApiClientRepository {

    private final JdbcClient jdbc;

    public ApiClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            client_id, name, description, secret_hash, secret_expires_at, status, created_at""";

    public Optional<ApiClient> find(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from api_client where client_id = ?")
                .param(clientId)
                .query(ApiClientRepository::map)
                .optional();
    }

    public List<ApiClient> all() {
        return jdbc.sql("select " + COLUMNS + " from api_client order by created_at, client_id")
                .query(ApiClientRepository::map).list();
    }

    public boolean delete(String clientId) {
        return jdbc.sql("delete from api_client where client_id = ?").param(clientId).update() > 0;
    }

    private static ApiClient map(ResultSet rs, int row) throws SQLException {
        return new ApiClient(
                rs.getString("client_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("secret_hash"),
                rs.getTimestamp("secret_expires_at").toInstant(),
                ApiClient.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }

    public boolean any() {
        return jdbc.sql("select count(*) from api_client").query(Long.class).single() > 0;
    }

    @Transactional
    public void upsert(ApiClient client, Map<Permission, Set<String>> grants) {
        save(client);
        replaceGrants(client.clientId(), grants);
    }

    /** Inserts or updates the client itself; its grants are left alone. */
    public void save(ApiClient client) {
        int updated = jdbc.sql("""
                update api_client set name = ?, description = ?, secret_hash = ?, secret_expires_at = ?, status = ?
                where client_id = ?""")
                .params(client.name(), client.description(), client.secretHash(),
                        Timestamp.from(client.secretExpiresAt()), client.status().name(), client.clientId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into api_client (client_id, name, description, secret_hash, secret_expires_at, status,
                                            created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(client.clientId(), client.name(), client.description(), client.secretHash(),
                            Timestamp.from(client.secretExpiresAt()), client.status().name(),
                            Timestamp.from(client.createdAt()))
                    .update();
        }
    }

    @Transactional
    public void replaceGrants(String clientId, Map<Permission, Set<String>> grants) {
        jdbc.sql("delete from api_client_permission where client_id = ?").param(clientId).update();
        grants.forEach((permission, stages) -> stages.forEach(stage -> jdbc.sql("""
                insert into api_client_permission (client_id, permission, environment_key) values (?, ?, ?)""")
                .params(clientId, permission.code(), stage)
                .update()));
    }

    public Map<Permission, Set<String>> grants(String clientId) {
        Map<Permission, Set<String>> grants = new EnumMap<>(Permission.class);
        jdbc.sql("select permission, environment_key from api_client_permission where client_id = ?")
                .param(clientId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(row -> Permission.fromCode(row.getKey())
                        .ifPresent(p -> grants.computeIfAbsent(p, k -> new HashSet<>()).add(row.getValue())));
        return grants;
    }
}
