package dev.stageport.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRevision;
import dev.stageport.builds.Build;
import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import dev.stageport.support.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Builds apps whose revisions declare integrations and a library, and drives real
 * deployments over HTTP (POST deployment-operations, poll until the end).
 */
abstract class SectionsTestSupport extends ConfigurationTestSupport {

    static final String OPS = "/api/deployments/v1/deployment-operations";

    /**
     * Keys of an app from {@link #newSectionsApp()}: integration Payments (RestAPI) with
     * BaseURL (Text), Timeout (Integer in revision 1, Text in 2) and ApiKey (secret);
     * library {@code library} revision 1 with setting LibGreeting and integration
     * {@code libApi} (BaseURL). Release builds for revisions 1 and 2.
     */
    record SectionsApp(String key, String release1, String release2, String greeting, String payments,
                       String library, String libGreeting, String libApi) {
    }

    protected SectionsApp newSectionsApp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SectionsApp app = new SectionsApp(uuid(), uuid(), uuid(), uuid(), uuid(), uuid(), uuid(), uuid());
        assets.insert(new Asset(app.library(), "Lib " + app.library().substring(0, 8), "test library",
                ConfigModelLoader.LIBRARY, null, false, now, "test"));
        ConfigSchema lib = new ConfigSchema(
                List.of(new ConfigSchema.Setting(app.libGreeting(), "LibGreeting", "lib greeting", DataType.Text,
                        "lib-default", false)),
                List.of(),
                List.of(new ConfigSchema.Integration(app.libApi(), "LibApi", "RestAPI",
                        List.of(config("BaseURL", DataType.Text, "https://lib.example", false)))),
                List.of());
        assets.insertRevision(new AssetRevision(app.library(), 1, "Lib", "lib", null, null, null, "one", null, "l1",
                lib.toJson(), now, "test"));
        assets.insert(new Asset(app.key(), "App " + app.key().substring(0, 8), "test app", "WebApplication", null,
                false, now, "test"));
        for (int revision = 1; revision <= 2; revision++) {
            DataType timeout = revision == 1 ? DataType.Integer : DataType.Text;
            ConfigSchema schema = new ConfigSchema(
                    List.of(new ConfigSchema.Setting(app.greeting(), "Greeting", "greeting", DataType.Text, "Hi",
                            false)),
                    List.of(),
                    List.of(new ConfigSchema.Integration(app.payments(), "Payments", "RestAPI", List.of(
                            config("BaseURL", DataType.Text, "https://pay.example", false),
                            config("Timeout", timeout, "30", false),
                            config("ApiKey", DataType.Text, null, true)))),
                    List.of(new ConfigSchema.LibraryRef(app.library(), 1)));
            assets.insertRevision(new AssetRevision(app.key(), revision, "App", "test app", null, null, null,
                    "rev " + revision, null, "m" + revision, schema.toJson(), now.plusSeconds(revision), "test"));
            builds.insert(new Build(revision == 1 ? app.release1() : app.release2(), app.key(), revision,
                    Build.BuildType.Release, Build.BuildStatus.Finished, now, now, "test", null));
        }
        return app;
    }

    /** An asset of type Agent with one revision declaring one setting (key returned in [1]). */
    protected String[] newAgent() {
        String key = uuid();
        String setting = uuid();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assets.insert(new Asset(key, "Agent " + key.substring(0, 8), "test agent", ConfigModelLoader.AGENT, null,
                false, now, "test"));
        ConfigSchema schema = new ConfigSchema(List.of(new ConfigSchema.Setting(setting, "Prompt", "prompt",
                DataType.Text, "Be brief", false)), List.of());
        assets.insertRevision(new AssetRevision(key, 1, "Agent", "agent", null, null, null, "one", null, "a1",
                schema.toJson(), now, "test"));
        return new String[] {key, setting};
    }

    private static ConfigSchema.Setting config(String key, DataType type, String value, boolean secret) {
        return new ConfigSchema.Setting(key, key, key + " of the integration", type, value, secret);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** Starts a Deploy or ApplyConfigs over HTTP and waits for its end; returns the final operation. */
    JsonNode run(String body) {
        Api.Response r = api.post(OPS, body);
        assertThat(r.status()).as("POST answer: %s", r.body()).isEqualTo(201);
        String key = r.json().get("key").asString();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonNode op = api.get(OPS + "/" + key).json();
            if (!"Running".equals(op.get("status").asString())) {
                return op;
            }
            assertThat(System.currentTimeMillis()).as("operation %s still Running", key).isLessThan(deadline);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    JsonNode deployOver(String env, SectionsApp app, int revision) {
        return run("""
                {"operation":"Deploy","assetKey":"%s","buildKey":"%s","revision":%d,"environmentKey":"%s"}"""
                .formatted(app.key(), revision == 1 ? app.release1() : app.release2(), revision, env));
    }

    JsonNode applyConfigs(String env, SectionsApp app) {
        return run("""
                {"operation":"ApplyConfigs","assetKey":"%s","environmentKey":"%s"}""".formatted(app.key(), env));
    }

    JsonNode view(String env, String app, String revision) {
        Api.Response r = api.get(revisionPath(env, app, revision));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode byKey(JsonNode list, String key) {
        for (JsonNode n : list) {
            if (n.get("key").asString().equalsIgnoreCase(key)) {
                return n;
            }
        }
        throw new AssertionError("no entry " + key + " in " + list);
    }

    static JsonNode integrationConfig(JsonNode owner, String integration, String config) {
        return byKey(byKey(owner.get("integrations"), integration).get("configs"), config);
    }

    static String status(JsonNode op) {
        return op.get("status").asString();
    }
}
