package dev.stageport.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** One embedded PostgreSQL and the environment every replica on it shares (database, master key). */
final class SharedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Map<String, String> env = new HashMap<>();

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        env.put("STAGEPORT_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("STAGEPORT_DB_USER", "postgres");
        env.put("STAGEPORT_DB_PASSWORD", "postgres");
        env.put("STAGEPORT_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
        env.put("STAGEPORT_DEMO_STEP_DURATION", "50ms");
    }

    static SharedPostgres start() throws IOException {
        return new SharedPostgres(EmbeddedPostgres.builder().start());
    }

    /** The shared environment plus {@code extra} (e.g. a replica id or a driver). */
    Map<String, String> env(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        return all;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
