package dev.stageport.startup;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One log line, when the server reports ready, saying where the start went: the JVM's own start,
 * the context (and inside it opening the database and Flyway's validation or migration), and the
 * application runners (the demo seeding), with the process's CPU time so far, which unlike wall
 * time does not depend on what else the machine runs. bench/run reads it (docs/benchmarks.md).
 * The migration itself is Spring Boot's default, {@code flyway.migrate()}.
 */
@Component
public class StartupPhases implements FlywayMigrationStrategy, ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupPhases.class);

    private long databaseOpenNanos;
    private long schemaNanos;
    private Duration contextTaken;

    @Override
    public void migrate(Flyway flyway) {
        long started = System.nanoTime();
        // the pool's first connection opens the embedded database file; timed apart from Flyway's work
        try (Connection ignored = flyway.getConfiguration().getDataSource().getConnection()) {
            databaseOpenNanos = System.nanoTime() - started;
        } catch (SQLException e) {
            databaseOpenNanos = System.nanoTime() - started;   // Flyway reports the failure in its own words below
        }
        long migrating = System.nanoTime();
        flyway.migrate();
        schemaNanos = System.nanoTime() - migrating;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationStartedEvent started && started.getTimeTaken() != null) {
            contextTaken = started.getTimeTaken();
        } else if (event instanceof ApplicationReadyEvent ready && ready.getTimeTaken() != null && contextTaken != null) {
            log.info(describe(ManagementFactory.getRuntimeMXBean().getUptime(), contextTaken.toMillis(),
                    databaseOpenNanos / 1_000_000, schemaNanos / 1_000_000,
                    ready.getTimeTaken().minus(contextTaken).toMillis(), processCpuMillis()));
        }
    }

    static String describe(long uptimeMillis, long contextMillis, long databaseOpenMillis, long schemaMillis,
                           long runnersMillis, long cpuMillis) {
        return String.format(Locale.ROOT, "Start-up phases: context %d ms (database open %d ms, schema %d ms), "
                + "application runners %d ms, process CPU %s ms; ready in %d ms.", contextMillis,
                databaseOpenMillis, schemaMillis, runnersMillis, cpuMillis < 0 ? "unknown" : cpuMillis, uptimeMillis);
    }

    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }
}
