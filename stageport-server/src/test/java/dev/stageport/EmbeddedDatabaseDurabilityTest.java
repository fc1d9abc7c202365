package dev.stageport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A commit on the embedded database survives the process being killed right after
 * {@link DurableWrites#flush} (what every answer to a change and the engine's durable step
 * boundaries wait for): the child process commits, flushes, says so, and halts (no shutdown
 * hooks, as with SIGKILL).
 */
class EmbeddedDatabaseDurabilityTest {

    /** Run in a child JVM: commits one row to the database at args[0], flushes, prints "committed", halts. */
    public static void main(String[] args) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(Path.of(args[0])));
        dataSource.setUser("sa");
        Connection c = dataSource.getConnection();
        c.createStatement().execute("create table answered (operation_key varchar(36))");
        c.createStatement().execute("insert into answered values ('" + args[1] + "')");
        new DurableWrites(dataSource).flush();
        System.out.println("committed");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + DatabaseConfiguration.H2_OPTIONS;
    }

    @Test
    void aFlushedCommitIsThereAfterTheProcessWasKilledRightAfterIt() throws Exception {
        Path file = Path.of("target", "test-data", "durability-" + UUID.randomUUID(), "stageport");
        Files.createDirectories(file.getParent());
        String key = UUID.randomUUID().toString();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseDurabilityTest.class.getName(),
                file.toString(), key).redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(child.getInputStream().readAllBytes())).contains("committed");

        try (Connection c = DriverManager.getConnection(url(file), "sa", "");
             ResultSet rows = c.createStatement().executeQuery("select operation_key from answered")) {
            assertThat(rows.next()).as("the committed row").isTrue();
            assertThat(rows.getString(1)).isEqualTo(key);
        }
    }
}
