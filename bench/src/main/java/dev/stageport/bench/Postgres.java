package dev.stageport.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away PostgreSQL server for the engine throughput scenario (the same
 * embedded PostgreSQL the tests use). Writes the server's JDBC URL to a file, then
 * runs until the process is stopped; its shutdown hook stops PostgreSQL.
 */
final class Postgres {

    private Postgres() {
    }

    static void serve(Path urlFile) throws IOException, InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
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
