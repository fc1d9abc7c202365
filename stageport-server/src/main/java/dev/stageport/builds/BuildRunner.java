package dev.stageport.builds;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.bundles.Bundle;
import dev.stageport.bundles.BundleProblems;
import dev.stageport.bundles.BundleReader;
import dev.stageport.configschema.ConfigSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.stageport.work.Lease;
import dev.stageport.work.LeaseLost;
import dev.stageport.work.RetryPolicy;
import dev.stageport.work.StateMachine;
import dev.stageport.work.InjectedFailure;
import dev.stageport.work.StepRunner;
import dev.stageport.work.Stopped;
import dev.stageport.work.WorkHandler;
import dev.stageport.work.WorkQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one claimed build on the engine through its step plan ({@link BuildStep}):
 * Validate (re-read the revision's bundle), ResolveLibraries (each referenced library
 * revision needs a finished Release build, whose files are bundled in), Package (a
 * deterministic zip stored by digest) and Record. Every step writes a log message; a
 * problem, a cancel or a passed deadline ends the build FinishedWithErrors, its Error
 * messages and status in one transaction. A build whose worker died runs again.
 */
@Component
class BuildRunner implements WorkHandler {

    static final String VALIDATE = BuildStep.Validate.name();
    static final String LIBRARIES = BuildStep.ResolveLibraries.name();
    static final String PACKAGE = BuildStep.Package.name();
    static final String RECORD = BuildStep.Record.name();

    private static final Logger log = LoggerFactory.getLogger(BuildRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BuildRepository builds;
    private final AssetRepository assets;
    private final BundleReader reader;
    private final ArtifactStore store;
    private final StepRunner steps;
    private final WorkQueue work;
    private final TransactionTemplate transactions;
    private final BuildWebhooks webhooks;
    private final Clock clock;

    BuildRunner(BuildRepository builds, AssetRepository assets, BundleReader reader, ArtifactStore store,
                StepRunner steps, WorkQueue work, TransactionTemplate transactions, BuildWebhooks webhooks, Clock clock) {
        this.builds = builds;
        this.assets = assets;
        this.reader = reader;
        this.store = store;
        this.steps = steps;
        this.work = work;
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return BuildRepository.KIND;
    }

    /** A build as a worker sees it: enough to run it. */
    record Job(String key, String assetKey, int revision, Build.BuildType type) {
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

    @Override
    public void run(Lease lease) {
        Build build = builds.find(lease.key()).orElse(null);
        if (build == null || (build.status() != Build.BuildStatus.Pending
                && build.status() != Build.BuildStatus.Running)) {
            work.end(lease);
            return;
        }
        StateMachine<Build.BuildStatus> machine = new StateMachine<>(Build.TRANSITIONS, build.key(), build.status());
        Job job = new Job(build.key(), build.assetKey(), build.assetRevision(), build.buildType());
        Path scratch = null;
        try {
            if (build.status() == Build.BuildStatus.Pending) {
                machine.move(Build.BuildStatus.Running);
            }
            lease.ensureHeld();
            builds.markRunning(job.key());
            if (lease.abandoned()) {
                info(lease, VALIDATE, "The worker that ran this build stopped; building again from the start.");
            }
            Validated valid = steps.run(lease, BuildStep.PLAN, BuildStep.Validate, RetryPolicy.NONE,
                    () -> validate(lease, job));
            List<ArtifactPackager.Source> sources = new ArrayList<>();
            List<Map<String, Object>> libraries = steps.run(lease, BuildStep.PLAN, BuildStep.ResolveLibraries,
                    RetryPolicy.NONE, () -> {
                        sources.addAll(io(() -> ArtifactPackager.filesOf(valid.path(), "")));
                        return libraries(lease, job, sources);
                    });
            scratch = store.scratch("build-");
            Path artifact = scratch.resolve("artifact.zip");
            ArtifactStore.StoredBlob stored = steps.run(lease, BuildStep.PLAN, BuildStep.Package, RetryPolicy.NONE,
                    () -> io(() -> {
                        ArtifactPackager.write(artifact, sources, buildJson(job, valid.digest(), libraries));
                        ArtifactStore.StoredBlob blob = store.put(artifact);
                        info(lease, PACKAGE, "Packaged " + count(sources.size() + 1, "file") + " into the artifact "
                                + blob.digest() + " (" + blob.size() + " bytes).");
                        return blob;
                    }));
            steps.run(lease, BuildStep.PLAN, BuildStep.Record, RetryPolicy.NONE, () -> end(lease, machine, job,
                    Build.BuildStatus.Finished, List.of(new BuildMessage(now(), "BuildProgress", "Info",
                            "Build of revision " + job.revision() + " (" + job.type() + ") finished.", RECORD, null)),
                    stored.digest(), valid.bundle().run() == null ? null : valid.bundle().run().toJson()));
        } catch (LeaseLost lost) {
            log.info("{}; another worker owns it now.", lost.getMessage());
        } catch (Failed failed) {
            fail(lease, machine, job, failed.errorCode, failed.reasons);
        } catch (Stopped stopped) {
            fail(lease, machine, job, "BuildCancelled", List.of(stopped.getMessage()));
        } catch (InjectedFailure injected) {
            fail(lease, machine, job, "BuildFailed", List.of(injected.getMessage()));
        } catch (IOException | RuntimeException e) {
            log.error("Build {} failed unexpectedly in step {}", job.key(), lease.step(), e);
            fail(lease, machine, job, "BuildInternalError", List.of("An internal error stopped the build in step "
                    + lease.step() + "; nothing was recorded. Start the build again."));
        } finally {
            ArtifactPackager.deleteQuietly(scratch);
        }
    }

    /** An I/O action inside a step; an IOException fails the build like an internal error. */
    private interface IoAction<T> {
        T get() throws IOException;
    }

    private static <T> T io(IoAction<T> action) {
        try {
            return action.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Validated(Bundle bundle, String digest, Path path) {
    }

    private Validated validate(Lease lease, Job job) {
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
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> reserved = bundle.files().stream()
                .filter(f -> f.equals("build.json") || f.startsWith("libraries/"))
                .map(f -> "The bundle's file '" + f + "' uses a name the build reserves (build.json, libraries/).")
                .toList();
        if (!reserved.isEmpty()) {
            throw new Failed("BundleInvalid", reserved);
        }
        info(lease, VALIDATE, "Validated the bundle " + digest + " of revision " + job.revision() + ": "
                + count(bundle.files().size(), "file") + ", type " + bundle.type() + ".");
        return new Validated(bundle, digest, path);
    }

    /**
     * The revision's library references were pinned to exact revisions at upload;
     * each needs a finished Release build, whose artifact goes under libraries/<assetKey>/.
     */
    private List<Map<String, Object>> libraries(Lease lease, Job job, List<ArtifactPackager.Source> sources) {
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
                sources.addAll(io(() -> ArtifactPackager.filesOf(artifact.get(), "libraries/" + ref.assetKey()
                        + "/")));
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
        info(lease, LIBRARIES, resolved.isEmpty() ? "The revision references no libraries."
                : "Resolved " + count(resolved.size(), "library") + ": " + resolved.stream()
                .map(l -> l.get("assetKey") + " revision " + l.get("revision")).toList() + ".");
        return resolved;
    }

    /** Build metadata without times or keys, so the artifact's digest depends on its inputs only. */
    private String buildJson(Job job, String bundleDigest, List<Map<String, Object>> libraries) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("assetKey", job.assetKey());
        meta.put("assetRevision", job.revision());
        meta.put("buildType", job.type().name());
        meta.put("bundleDigest", bundleDigest);
        meta.put("libraries", libraries);
        return JSON.writeValueAsString(meta);
    }

    private void fail(Lease lease, StateMachine<Build.BuildStatus> machine, Job job, String errorCode,
                      List<String> reasons) {
        if (lease.lost()) {
            return;
        }
        List<BuildMessage> errors = new ArrayList<>();
        for (String reason : reasons) {
            errors.add(new BuildMessage(now(), "BuildError", "Error", reason, lease.step(), errorCode));
        }
        errors.add(new BuildMessage(now(), "BuildFinished", "Error", "Build of revision " + job.revision() + " ("
                + job.type() + ") finished with errors.", lease.step(), errorCode));
        try {
            end(lease, machine, job, Build.BuildStatus.FinishedWithErrors, errors, null, null);
        } catch (LeaseLost lost) {
            log.info("{}; its new owner reports the outcome.", lost.getMessage());
        }
    }

    /** The last messages, the terminal status and the end of the work item: one transaction, all or nothing. */
    private void end(Lease lease, StateMachine<Build.BuildStatus> machine, Job job, Build.BuildStatus to,
                     List<BuildMessage> last, String digest, String runSpec) {
        transactions.executeWithoutResult(tx -> {
            last.forEach(m -> builds.addMessage(lease, m));
            machine.move(to);
            Instant at = now();
            if (!builds.finish(job.key(), to, at, digest, runSpec)) {
                throw new LeaseLost(job.key());
            }
            webhooks.finished(job, to, at);
            work.end(lease);
        });
    }

    private void info(Lease lease, String step, String text) {
        builds.addMessage(lease, new BuildMessage(now(), "BuildProgress", "Info", text, step, null));
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun + "s");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
