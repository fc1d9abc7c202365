package dev.stageport.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away PostgreSQL server for the engine and history scenarios (the same
 * embedded PostgreSQL the tests use). Writes the server's JDBC URL to a file, then
 * runs until the process is stopped; its shutdown hook stops PostgreSQL and removes
 * its files. A data directory puts those files where the run can see their size
 * (the history scenario's 10 M rows take gigabytes) instead of the temp folder.
 */
final class Postgres {

    private Postgres() {
    }

    static void serve(Path urlFile, Path dataDir) throws IOException, InterruptedException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(true);
        }
        EmbeddedPostgres postgres = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
        Files.writeString(urlFile, postgres.getJdbcUrl("postgres", "postgres"));
        Thread.currentThread().join();
    }
}
