package dev.stageport.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Which database the tests run on: the embedded H2 file database by default, or,
 * with -Dstageport.test.database=postgresql, a real PostgreSQL started once per
 * test JVM from Maven artifacts (its files under java.io.tmpdir, i.e. target/).
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static boolean postgresql() {
        return "postgresql".equalsIgnoreCase(System.getProperty("stageport.test.database", ""));
    }

    /** Server properties that select the database; empty for the default embedded one. */
    public static synchronized Map<String, String> properties(String databaseName) {
        if (!postgresql()) {
            return Map.of();
        }
        try {
            if (postgres == null) {
                // a throwaway database: no flushes to disk (each context's CREATE DATABASE and migrations,
                // the plan test's bulk history waited on them); what the SQL does is unchanged
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("create database " + databaseName);
            } catch (java.sql.SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw new IllegalStateException(e);
                }
            }
            return Map.of("stageport.db.url", postgres.getJdbcUrl("postgres", databaseName),
                    "stageport.db.user", "postgres", "stageport.db.password", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
