package dev.stageport.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Garbage collection of the artifact store, on every replica: a blob that no revision,
 * no build and no live upload URL uses, and that nobody stored within the grace period,
 * is deleted from the database and the local folder. The grace period covers an upload
 * that is still being validated and a build whose artifact is not recorded yet. Each
 * replica also drops its cached copies of blobs collected elsewhere, and catalogues blobs
 * it holds from before the catalog existed, so a replica can read them.
 */
@Component
public class ArtifactCollector {

    private static final Logger log = LoggerFactory.getLogger(ArtifactCollector.class);
    private static final int BATCH = 100;

    private final ArtifactStore store;
    private final ArtifactCatalog catalog;
    private final ArtifactRepository rows;
    private final Clock clock;
    private final Duration grace;

    public ArtifactCollector(ArtifactStore store, ArtifactCatalog catalog, ArtifactRepository rows, Clock clock,
                             @Value("${stageport.artifacts.grace:1h}") Duration grace) {
        this.store = store;
        this.catalog = catalog;
        this.rows = rows;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${stageport.artifacts.collect-every:10m}",
            fixedDelayString = "${stageport.artifacts.collect-every:10m}")
    void collectRegularly() {
        try {
            collect(clock.instant().minus(grace));
        } catch (RuntimeException | IOException e) {
            log.warn("Artifact collection failed; it runs again later: {}", e.toString());
        }
    }

    /** One pass; blobs stored at or after {@code touchedBefore} are kept. Returns how many were collected. */
    public int collect(Instant touchedBefore) throws IOException {
        sweepLocal(touchedBefore);
        int collected = 0;
        for (String digest : catalog.unusedSince(touchedBefore, BATCH)) {
            if (catalog.collect(digest, touchedBefore, () -> store.deleteLocal(digest))) {
                collected++;
            }
        }
        if (collected > 0) {
            log.info("Collected {} unused artifacts.", collected);
        }
        return collected;
    }

    private void sweepLocal(Instant touchedBefore) throws IOException {
        for (String digest : store.localDigests()) {
            if (catalog.known(digest)) {
                continue;
            }
            Path file = store.path(digest);
            if (rows.used(digest, clock.instant())) {
                catalog.record(digest, Files.size(file), file, false);
            } else if (Files.getLastModifiedTime(file).toInstant().isBefore(touchedBefore)) {
                store.deleteLocal(digest);
            }
        }
    }
}
