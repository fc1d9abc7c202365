package dev.stageport.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class StartupPhasesTest {

    @TempDir
    Path folder;

    @Test
    void theStrategyMigratesAsSpringBootsDefaultDoes() throws Exception {
        JdbcDataSource database = database();
        new StartupPhases().migrate(flyway(database));
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from greeting", Integer.class)).isOne();
    }

    @Test
    void anEditedMigrationStillRefusesTheStart() throws Exception {
        JdbcDataSource database = database();
        new StartupPhases().migrate(flyway(database));
        Files.writeString(folder.resolve("migrations/V1__greeting.sql"),
                "create table greeting (word varchar(20)); insert into greeting values ('hello');");
        assertThatThrownBy(() -> new StartupPhases().migrate(flyway(database)))
                .isInstanceOf(FlywayException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void thePhaseLineNamesEachFigureTheWayBenchRunReadsIt() {
        assertThat(StartupPhases.describe(5200, 4100, 300, 250, 700, 11000)).isEqualTo("Start-up phases: context "
                + "4100 ms (database open 300 ms, schema 250 ms), application runners 700 ms, process CPU 11000 ms; "
                + "ready in 5200 ms.");
        assertThat(StartupPhases.describe(1, 1, 0, 0, 0, -1)).contains("process CPU unknown ms");
    }

    private JdbcDataSource database() throws Exception {
        Files.createDirectories(folder.resolve("migrations"));
        Files.writeString(folder.resolve("migrations/V1__greeting.sql"),
                "create table greeting (word varchar(20)); insert into greeting values ('hi');");
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + folder.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL");
        return database;
    }

    private Flyway flyway(JdbcDataSource database) {
        return Flyway.configure().dataSource(database).locations("filesystem:" + folder.resolve("migrations")).load();
    }
}
