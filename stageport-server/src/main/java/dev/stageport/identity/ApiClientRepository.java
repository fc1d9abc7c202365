package dev.stageport.identity;

import java.sql.Timestamp;
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

    public Optional<ApiClient> find(String clientId) {
        return jdbc.sql("""
                select client_id, name, description, secret_hash, secret_expires_at, status, created_at
                from api_client where client_id = ?""")
                .param(clientId)
                .query((rs, n) -> new ApiClient(
                        rs.getString("client_id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("secret_hash"),
                        rs.getTimestamp("secret_expires_at").toInstant(),
                        ApiClient.Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public boolean any() {
        return jdbc.sql("select count(*) from api_client").query(Long.class).single() > 0;
    }

    @Transactional
    public void upsert(ApiClient client, Map<Permission, Set<String>> grants) {
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
        jdbc.sql("delete from api_client_permission where client_id = ?").param(client.clientId()).update();
        grants.forEach((permission, stages) -> stages.forEach(stage -> jdbc.sql("""
                insert into api_client_permission (client_id, permission, environment_key) values (?, ?, ?)""")
                .params(client.clientId(), permission.code(), stage)
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
