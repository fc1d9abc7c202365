package dev.stageport.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class ConsoleUserRepository {

    private static final String COLUMNS = "username, display_name, password_hash, status, created_at";

    private final JdbcClient jdbc;

    public ConsoleUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from console_user where username = ?").param(username)
                .query(ConsoleUserRepository::map).optional();
    }

    public List<ConsoleUser> all() {
        return jdbc.sql("select " + COLUMNS + " from console_user order by username")
                .query(ConsoleUserRepository::map).list();
    }

    /** Inserts the user unless one of that name exists; false when it did. */
    public boolean insert(ConsoleUser user) {
        try {
            jdbc.sql("""
                    insert into console_user (username, display_name, password_hash, status, created_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(user.username(), user.displayName(), user.passwordHash(), user.status().name(),
                            Timestamp.from(user.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public boolean update(ConsoleUser user) {
        return jdbc.sql("update console_user set display_name = ?, password_hash = ?, status = ? where username = ?")
                .params(user.displayName(), user.passwordHash(), user.status().name(), user.username())
                .update() > 0;
    }

    public boolean delete(String username) {
        return jdbc.sql("delete from console_user where username = ?").param(username).update() > 0;
    }

    @Transactional
    public void replaceGrants(String username, Map<Permission, Set<String>> grants) {
        jdbc.sql("delete from console_user_permission where username = ?").param(username).update();
        grants.forEach((permission, stages) -> stages.forEach(stage -> jdbc.sql("""
                insert into console_user_permission (username, permission, environment_key) values (?, ?, ?)""")
                .params(username, permission.code(), stage)
                .update()));
    }

    public Map<Permission, Set<String>> grants(String username) {
        Map<Permission, Set<String>> grants = new EnumMap<>(Permission.class);
        jdbc.sql("select permission, environment_key from console_user_permission where username = ?")
                .param(username)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(row -> Permission.fromCode(row.getKey())
                        .ifPresent(p -> grants.computeIfAbsent(p, k -> new HashSet<>()).add(row.getValue())));
        return grants;
    }

    /** Failed sign-ins for this name since {@code since}. */
    public int recentFailures(String username, Instant since) {
        return jdbc.sql("select failures from console_sign_in_failure where username = ? and last_failure > ?")
                .params(username, Timestamp.from(since)).query(Integer.class).optional().orElse(0);
    }

    /** Counts a failure; an old row (before {@code since}) starts again at one. */
    public void recordFailure(String username, Instant now, Instant since) {
        int updated = jdbc.sql("""
                update console_sign_in_failure
                set failures = case when last_failure > ? then failures + 1 else 1 end, last_failure = ?
                where username = ?""")
                .params(Timestamp.from(since), Timestamp.from(now), username).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into console_sign_in_failure (username, failures, last_failure) values (?, 1, ?)")
                        .params(username, Timestamp.from(now)).update();
            } catch (DuplicateKeyException concurrent) {
                // another failed attempt for the name counted at the same moment: one of them is enough
            }
        }
    }

    public void clearFailures(String username) {
        jdbc.sql("delete from console_sign_in_failure where username = ?").param(username).update();
    }

    private static ConsoleUser map(ResultSet rs, int row) throws SQLException {
        return new ConsoleUser(rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), ConsoleUser.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
