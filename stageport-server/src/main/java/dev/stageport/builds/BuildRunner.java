package dev.stageport.builds;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.bundles.Bundle;
import dev.stageport.bundles.BundleProblems;
import dev.stageport.bundles.BundleReader;
import dev.stageport.configurations.ConfigSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one claimed build: Validate (re-read the revision's bundle), ResolveLibraries
 * (each referenced library revision needs a finished Release build, whose files are
 * bundled in), Package (a deterministic zip stored by digest) and Record. Every
 * step writes a log message; a problem ends the build FinishedWithErrors with one
 * Error message per reason. Builds are pure functions of their inputs, so a build
 * whose worker died is simply run again from the start.
 */
@Component
class BuildRunner {

    static final String VALIDATE = "Validate";
    static final String LIBRARIES = "ResolveLibraries";
    static final String PACKAGE = "Package";
    static final String RECORD = "Record";

    private static final Logger log = LoggerFactory.getLogger(BuildRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BuildQueue queue;
    private final BuildRepository builds;
    private final AssetRepository assets;
    private final BundleReader reader;
    private final ArtifactStore store;
    private final Clock clock;

    BuildRunner(BuildQueue queue, BuildRepository builds, AssetRepository assets, BundleReader reader,
                ArtifactStore store, Clock clock) {
        this.queue = queue;
        this.builds = builds;
        this.assets = assets;
        this.reader = reader;
        this.store = store;
        this.clock = clock;
    }

    /** A worker's hold on one build: who holds it and the row version it last wrote. */
    static final class Hold {
        final BuildQueue.Job job;
        final String workerId;
        long version;
        String step;

        Hold(BuildQueue.Job job, String workerId) {
            this.job = job;
            this.workerId = workerId;
            this.version = job.version() + 1;
        }
    }

    /** The build cannot succeed; every reason becomes an Error message. */
    static final class Failed extends RuntimeException {
        final String errorCode;
        final List<String> reasons;

        Failed(String errorCode, List<String> reasons) {
            super(String.join(" ", reasons), null, false, false);
            this.errorCode = errorCode;
            this.reasons = reasons;
        }

        Failed(String errorCode, String reason) {
            this(errorCode, List.of(reason));
        }
    }

    /** Another worker took the build over (our lease expired): stop touching it. */
    static final class Lost extends RuntimeException {
        Lost(String key) {
            super("Lost the claim on build " + key + ".", null, false, false);
        }
    }

    void run(Hold hold) {
        BuildQueue.Job job = hold.job;
        Path scratch = null;
        try {
            if (hold.job.claimedBy() != null) {
                info(job, VALIDATE, "The worker that ran this build stopped; building again from the start.");
            }
            step(hold, VALIDATE);
            Validated valid = validate(job);
            Bundle bundle = valid.bundle();
            step(hold, LIBRARIES);
            List<ArtifactPackager.Source> sources = new ArrayList<>(ArtifactPackager.filesOf(valid.path(), ""));
            List<Map<String, Object>> libraries = libraries(job, sources);
            step(hold, PACKAGE);
            scratch = store.scratch("build-");
            Path artifact = scratch.resolve("artifact.zip");
            ArtifactPackager.write(artifact, sources, buildJson(job, valid.digest(), libraries));
            ArtifactStore.StoredBlob stored = store.put(artifact);
            info(job, PACKAGE, "Packaged " + (sources.size() + 1) + " files into the artifact " + stored.digest()
                    + " (" + stored.size() + " bytes).");
            step(hold, RECORD);
            info(job, RECORD, "Build of revision " + job.revision() + " (" + job.type() + ") finished.");
            finish(hold, Build.BuildStatus.Finished, stored.digest(),
                    bundle.run() == null ? null : bundle.run().toJson());
        } catch (Lost lost) {
            log.info("{}; another worker owns it now.", lost.getMessage());
        } catch (Failed failed) {
            fail(hold, failed.errorCode, failed.reasons);
        } catch (IOException | RuntimeException e) {
            log.error("Build {} failed unexpectedly in step {}", job.key(), hold.step, e);
            fail(hold, "BuildInternalError", List.of("An internal error stopped the build in step " + hold.step
                    + "; nothing was recorded. Start the build again."));
        } finally {
            deleteQuietly(scratch);
        }
    }

    private record Validated(Bundle bundle, String digest, Path path) {
    }

    private Validated validate(BuildQueue.Job job) throws IOException {
        AssetRevision revision = assets.findRevision(job.assetKey(), job.revision())
                .orElseThrow(() -> new Failed("RevisionNotFound", "The revision " + job.revision() + " of the asset "
                        + job.assetKey() + " no longer exists."));
        String digest = assets.bundleDigest(job.assetKey(), job.revision()).orElseThrow(() -> new Failed(
                "BundleMissing", "The revision " + revision.revision() + " was not created from a bundle, so "
                + "there is nothing to build."));
        Path path = store.find(digest).orElseThrow(() -> new Failed("BundleMissing", "The bundle " + digest
                + " of revision " + revision.revision() + " is missing from the artifact store."));
        Bundle bundle;
        try {
            bundle = reader.read(path);
        } catch (BundleProblems problems) {
            throw new Failed("BundleInvalid", problems.problems());
        }
        List<String> reserved = bundle.files().stream()
                .filter(f -> f.equals("build.json") || f.startsWith("libraries/"))
                .map(f -> "The bundle's file '" + f + "' uses a name the build reserves (build.json, libraries/).")
                .toList();
        if (!reserved.isEmpty()) {
            throw new Failed("BundleInvalid", reserved);
        }
        info(job, VALIDATE, "Validated the bundle " + digest + " of revision " + job.revision() + ": "
                + bundle.files().size() + " files, type " + bundle.type() + ".");
        return new Validated(bundle, digest, path);
    }

    /**
     * The revision's library references were pinned to exact revisions at upload;
     * each needs a finished Release build, whose artifact goes under libraries/<assetKey>/.
     */
    private List<Map<String, Object>> libraries(BuildQueue.Job job, List<ArtifactPackager.Source> sources)
            throws IOException {
        ConfigSchema schema = ConfigSchema.parse(assets.findRevision(job.assetKey(), job.revision()).orElseThrow()
                .configSchema());
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> resolved = new ArrayList<>();
        for (ConfigSchema.LibraryRef ref : schema.libraries()) {
            var build = builds.active(ref.assetKey(), ref.revision(), Build.BuildType.Release)
                    .filter(b -> b.status() == Build.BuildStatus.Finished && b.artifactDigest() != null);
            var artifact = build.flatMap(b -> store.find(b.artifactDigest()));
            if (assets.findRevision(ref.assetKey(), ref.revision()).isEmpty()) {
                problems.add("The library " + ref.assetKey() + " has no revision " + ref.revision() + ".");
            } else if (artifact.isEmpty()) {
                problems.add("The library " + ref.assetKey() + " revision " + ref.revision()
                        + " has no finished Release build; build it first.");
            } else {
                sources.addAll(ArtifactPackager.filesOf(artifact.get(), "libraries/" + ref.assetKey() + "/"));
                Map<String, Object> lib = new LinkedHashMap<>();
                lib.put("assetKey", ref.assetKey());
                lib.put("revision", ref.revision());
                lib.put("artifactDigest", build.get().artifactDigest());
                resolved.add(lib);
            }
        }
        if (!problems.isEmpty()) {
            throw new Failed("LibraryUnresolved", problems);
        }
        info(job, LIBRARIES, resolved.isEmpty() ? "The revision references no libraries."
                : "Resolved " + resolved.size() + " libraries: " + resolved.stream()
                .map(l -> l.get("assetKey") + " revision " + l.get("revision")).toList() + ".");
        return resolved;
    }

    /** Build metadata without times or keys, so the artifact's digest depends on its inputs only. */
    private String buildJson(BuildQueue.Job job, String bundleDigest, List<Map<String, Object>> libraries) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("assetKey", job.assetKey());
        meta.put("assetRevision", job.revision());
        meta.put("buildType", job.type().name());
        meta.put("bundleDigest", bundleDigest);
        meta.put("libraries", libraries);
        return JSON.writeValueAsString(meta);
    }

    private void fail(Hold hold, String errorCode, List<String> reasons) {
        try {
            for (String reason : reasons) {
                builds.addMessage(hold.job.key(), new BuildMessage(now(), "BuildError", "Error", reason, hold.step,
                        errorCode));
            }
            builds.addMessage(hold.job.key(), new BuildMessage(now(), "BuildFinished", "Error", "Build of revision "
                    + hold.job.revision() + " (" + hold.job.type() + ") finished with errors.", hold.step, errorCode));
            finish(hold, Build.BuildStatus.FinishedWithErrors, null, null);
        } catch (Lost lost) {
            log.info("{}; its new owner reports the outcome.", lost.getMessage());
        }
    }

    private void finish(Hold hold, Build.BuildStatus to, String digest, String runSpec) {
        Build.TRANSITIONS.check(hold.job.key(), Build.BuildStatus.Running, to);
        if (!queue.finish(hold.job.key(), to, hold.version, hold.workerId, now(), digest, runSpec)) {
            throw new Lost(hold.job.key());
        }
        hold.version++;
    }

    private void step(Hold hold, String step) {
        if (!queue.markStep(hold.job.key(), hold.version, hold.workerId, step)) {
            throw new Lost(hold.job.key());
        }
        hold.version++;
        hold.step = step;
    }

    private void info(BuildQueue.Job job, String step, String text) {
        builds.addMessage(job.key(), new BuildMessage(now(), "BuildProgress", "Info", text, step, null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the build scratch directory {}: {}", dir, e.getMessage());
        }
    }
}
