package dev.stageport.builds;

import dev.stageport.artifacts.ArtifactStore;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Packages generated code off the request thread, one package at a time: the build's artifact
 * (its deployable output) under {@code generated-code/}, plus {@code package.json} naming the
 * build, written as a deterministic zip into the artifact store. A small executor of its own:
 * packaging is short, and the build engine's queue is for builds (docs/builds.md).
 */
@Component
class GeneratedCodePackager {

    private static final Logger log = LoggerFactory.getLogger(GeneratedCodePackager.class);

    private final GeneratedCodeRepository packages;
    private final BuildRepository builds;
    private final ArtifactStore artifacts;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "generated-code");
        thread.setDaemon(true);
        return thread;
    });

    GeneratedCodePackager(GeneratedCodeRepository packages, BuildRepository builds, ArtifactStore artifacts,
                          Clock clock) {
        this.packages = packages;
        this.builds = builds;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    void submit(Build build, Instant startedAt) {
        worker.execute(() -> run(build, startedAt));
    }

    private void run(Build build, Instant startedAt) {
        try {
            String digest = pack(build);
            packages.finish(build.key(), startedAt, GeneratedCode.Status.Finished, digest, null, clock.instant());
        } catch (PackagingFailed e) {
            packages.finish(build.key(), startedAt, GeneratedCode.Status.Failed, null, e.getMessage(), clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("Packaging the generated code of build {} failed", build.key(), e);
            packages.finish(build.key(), startedAt, GeneratedCode.Status.Failed, null,
                    "Packaging failed: " + e.getMessage(), clock.instant());
        }
    }

    private String pack(Build build) throws IOException {
        String artifactDigest = builds.artifact(build.key()).map(BuildArtifact::digest)
                .orElseThrow(() -> new PackagingFailed("The build " + build.key() + " produced no deployable output"
                        + " to package."));
        Path artifact = artifacts.find(artifactDigest)
                .orElseThrow(() -> new PackagingFailed("The output of build " + build.key() + " is missing from the"
                        + " artifact store."));
        Path scratch = artifacts.scratch("generated-code-");
        Path target = scratch.resolve("package.zip");
        try {
            String packageJson = """
                    {"buildKey":"%s","assetKey":"%s","assetRevision":%d,"buildType":"%s","artifactDigest":"%s"}
                    """.formatted(build.key(), build.assetKey(), build.assetRevision(), build.buildType(),
                    artifactDigest);
            ArtifactPackager.write(target, ArtifactPackager.filesOf(artifact, "generated-code/"), "package.json",
                    packageJson);
            return artifacts.put(target).digest();
        } finally {
            Files.deleteIfExists(target);
            Files.deleteIfExists(scratch);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** A packaging that cannot succeed, with the reason a reader is shown. */
    private static final class PackagingFailed extends RuntimeException {
        PackagingFailed(String message) {
            super(message);
        }
    }
}
