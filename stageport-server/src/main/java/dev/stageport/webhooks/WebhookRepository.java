package dev.stageport.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** webhook: the subscriptions. Event names and stage keys are kept comma-separated (neither has a comma). */
@Repository
public class WebhookRepository {

    private static final String COLUMNS = "webhook_key, url, events, environment_keys, secret_sealed, created_at,"
            + " created_by";

    private final JdbcClient jdbc;

    public WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Webhook hook) {
        jdbc.sql("insert into webhook (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(hook.key(), hook.url(), String.join(",", hook.events().stream()
                                .map(WebhookEventType::wireName).toList()), String.join(",", hook.environmentKeys()),
                        hook.secretSealed(), Timestamp.from(hook.createdAt()), hook.createdBy())
                .update();
    }

    public Optional<Webhook> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from webhook where webhook_key = ?").param(key)
                .query(WebhookRepository::map).optional();
    }

    /** Every subscription; there are few, so matching an event to them happens in memory. */
    public List<Webhook> all() {
        return jdbc.sql("select " + COLUMNS + " from webhook order by created_at, webhook_key")
                .query(WebhookRepository::map).list();
    }

    public List<Webhook> page(int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from webhook order by created_at, webhook_key limit ? offset ?")
                .params(limit, offset).query(WebhookRepository::map).list();
    }


    /** Its deliveries and their attempts go with it (on delete cascade). */
    public boolean delete(String key) {
        return jdbc.sql("delete from webhook where webhook_key = ?").param(key).update() == 1;
    }

    private static Webhook map(ResultSet rs, int row) throws SQLException {
        List<WebhookEventType> events = split(rs.getString("events")).stream()
                .flatMap(name -> WebhookEventType.fromWire(name).stream()).toList();
        return new Webhook(rs.getString("webhook_key"), rs.getString("url"), events,
                split(rs.getString("environment_keys")), rs.getString("secret_sealed"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
