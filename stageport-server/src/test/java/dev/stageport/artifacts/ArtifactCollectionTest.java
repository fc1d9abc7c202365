package dev.stageport.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stageport.bundles.TestBundles;
import dev.stageport.support.ServerTest;
import dev.stageport.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the artifact store keeps, what it collects, and (on PostgreSQL) what every replica can read. */
class ArtifactCollectionTest extends ServerTest {

    static final String BUILDS = "/api/builds/v1/build-operations";

    @Autowired
    ArtifactStore store;
    @Autowired
    ArtifactCollector collector;
    @Autowired
    ArtifactRepository catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aRefusedBundleLeavesNoBlobBehind() throws Exception {
        byte[] refused = TestBundles.zip().entry("app/only-code.txt", UUID.randomUUID().toString()).bytes();

        api.uploadBundle(refused).problem(400);

        String digest = digest(refused);
        assertThat(store.path(digest)).doesNotExist();
        assertThat(catalog.find(digest)).isEmpty();
        assertThat(chunks(digest)).isZero();
    }

    @Test
    void deletingAnAssetRemovesItsBundleAndBuildArtifactAndNothingOfAnotherAsset() throws Exception {
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Short-lived", "[]")));
        String bundle = assets.bundleDigest(key.toString(), 1).orElseThrow();
        String artifact = finishedReleaseArtifact(key);
        UUID other = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Keeper", "[]")));
        String otherBundle = assets.bundleDigest(other.toString(), 1).orElseThrow();
        assertThat(store.find(bundle)).isPresent();
        assertThat(store.find(artifact)).isPresent();

        assertThat(api.delete("/api/asset-repository/v1/assets/" + key).status()).isEqualTo(204);

        for (String gone : List.of(bundle, artifact)) {
            assertThat(store.path(gone)).as(gone).doesNotExist();
            assertThat(catalog.find(gone)).as(gone).isEmpty();
            assertThat(chunks(gone)).as(gone).isZero();
        }
        assertThat(store.find(otherBundle)).isPresent();
    }

    @Test
    void theCollectorTakesUnusedBlobsOnlyOnceTheGracePeriodPassedAndNeverOneARevisionUses() throws Exception {
        String unused = store.put(new ByteArrayInputStream(randomBytes(100)), 1000).digest();
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Kept", "[]")));
        String used = assets.bundleDigest(key.toString(), 1).orElseThrow();

        collector.collect(clock.instant().minus(Duration.ofHours(1)));
        assertThat(store.find(unused)).as("within the grace period").isPresent();

        collector.collect(clock.instant().plusSeconds(1));
        assertThat(store.find(unused)).isEmpty();
        assertThat(catalog.find(unused)).isEmpty();
        assertThat(store.find(used)).isPresent();
        assertThat(catalog.find(used)).isPresent();
    }

    @Test
    void aCachedCopyOfABlobCollectedElsewhereIsDroppedAndAnOlderUncataloguedBlobInUseIsCatalogued()
            throws Exception {
        UUID key = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Legacy", "[]")));
        String used = assets.bundleDigest(key.toString(), 1).orElseThrow();
        String orphan = store.put(new ByteArrayInputStream(randomBytes(50)), 1000).digest();
        for (String digest : List.of(used, orphan)) {
            jdbc.sql("delete from artifact_chunk where digest = ?").param(digest).update();
            jdbc.sql("delete from artifact where digest = ?").param(digest).update();
        }

        collector.collect(clock.instant().plusSeconds(1));

        assertThat(store.path(orphan)).doesNotExist();
        assertThat(store.path(used)).exists();
        assertThat(catalog.find(used)).isPresent();
    }

    @Test
    void onPostgresqlABlobIsStoredInOneMegabyteChunksAndReadBackWhenTheLocalCopyIsMissing() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "bytes live in the database only on PostgreSQL");
        byte[] bytes = randomBytes(2 * ArtifactCatalog.CHUNK_BYTES + 123);
        ArtifactStore.StoredBlob blob = store.put(new ByteArrayInputStream(bytes), bytes.length);
        assertThat(chunks(blob.digest())).isEqualTo(3);

        Files.delete(store.path(blob.digest()));

        Path back = store.find(blob.digest()).orElseThrow();
        assertThat(back).hasBinaryContent(bytes);
    }

    @Test
    void onTheEmbeddedDatabaseOnlyTheCatalogIsInTheDatabase() throws Exception {
        assumeTrue(!TestDatabase.postgresql(), "the embedded database keeps bytes in the data folder");
        ArtifactStore.StoredBlob blob = store.put(new ByteArrayInputStream(randomBytes(10)), 10);

        assertThat(catalog.find(blob.digest())).hasValueSatisfying(e -> assertThat(e.chunks()).isZero());
        assertThat(chunks(blob.digest())).isZero();
    }

    private String finishedReleaseArtifact(UUID key) throws Exception {
        String buildKey = api.post(BUILDS, "{\"assetKey\":\"" + key + "\",\"assetRevision\":1,\"buildType\":"
                + "\"Release\"}").json().get("buildKey").asString();
        JsonNode build = awaitStatus(api, BUILDS + "/" + buildKey, "Pending", "Running");
        assertThat(build.get("status").asString()).isEqualTo("Finished");
        return builds.artifact(buildKey).orElseThrow().digest();
    }

    private long chunks(String digest) {
        return jdbc.sql("select count(*) from artifact_chunk where digest = ?").param(digest).query(Long.class)
                .single();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static String digest(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
