package dev.stageport.builds;

import dev.stageport.builds.api.GeneratedCodePackageResponse;
import dev.stageport.builds.api.GeneratedCodePackagingError;
import dev.stageport.builds.api.GeneratedCodePackagingResponse;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.web.Keys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The generated code of a build (build operations API): POST starts packaging a Finished
 * build's output, GET tells how far it is and, once Finished, where to download it. A build
 * is packaged once; asking again returns the same package, and a failed or timed-out
 * packaging starts again. Every call needs Asset management > Open.
 */
@Service
public class GeneratedCodeService {

    static final String DOWNLOAD = "/api/stageport/v1/builds/%s/generated-code";

    private final BuildRepository builds;
    private final GeneratedCodeRepository packages;
    private final GeneratedCodePackager packager;
    private final Clock clock;

    GeneratedCodeService(BuildRepository builds, GeneratedCodeRepository packages, GeneratedCodePackager packager,
                         Clock clock) {
        this.builds = builds;
        this.packages = packages;
        this.packager = packager;
        this.clock = clock;
    }

    public GeneratedCodePackagingResponse start(Caller caller, String operationKey) {
        Build build = build(caller, operationKey);
        if (build.status() != Build.BuildStatus.Finished) {
            throw new ApiException(ErrorCode.UNPROCESSABLE, "The build " + build.key() + " is " + build.status()
                    + "; only a Finished build has generated code to package.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<GeneratedCode> current = packages.find(build.key());
        boolean started = current.isEmpty()
                ? packages.insertRunning(build.key(), caller.clientId(), now)
                : restartable(current.get(), now) && packages.restart(build.key(), caller.clientId(), now,
                        now.minus(GeneratedCode.DEADLINE));
        if (started) {
            packager.submit(build, now);
        }
        return new GeneratedCodePackagingResponse(true);
    }

    public GeneratedCodePackageResponse status(Caller caller, String operationKey) {
        Build build = build(caller, operationKey);
        Optional<GeneratedCode> current = packages.find(build.key());
        if (current.isEmpty()) {
            return new GeneratedCodePackageResponse(GeneratedCode.Status.NotStarted.name(), null, null);
        }
        GeneratedCode code = current.get();
        GeneratedCode.Status status = code.statusAt(clock.instant());
        return switch (status) {
            case Finished -> new GeneratedCodePackageResponse(status.name(), DOWNLOAD.formatted(build.key()), null);
            case Failed -> new GeneratedCodePackageResponse(status.name(), null, List.of(
                    new GeneratedCodePackagingError(code.finishedAt(), "Error", code.errorMessage())));
            case TimedOut -> new GeneratedCodePackageResponse(status.name(), null, List.of(
                    new GeneratedCodePackagingError(code.startedAt().plus(GeneratedCode.DEADLINE), "Error",
                            "The packaging did not finish within " + GeneratedCode.DEADLINE.toMinutes()
                                    + " minutes; start it again.")));
            default -> new GeneratedCodePackageResponse(status.name(), null, null);
        };
    }

    /** The package's place in the artifact store, once packaging has finished. */
    public String packageDigest(Caller caller, String buildKey) {
        Build build = build(caller, buildKey);
        return packages.find(build.key()).filter(p -> p.status() == GeneratedCode.Status.Finished)
                .map(GeneratedCode::packageDigest)
                .orElseThrow(() -> ApiException.conflict("The build " + build.key() + " has no finished"
                        + " generated-code package; POST /api/builds/v1/build-operations/" + build.key()
                        + "/generated-code and wait until its status is Finished."));
    }

    private static boolean restartable(GeneratedCode code, Instant now) {
        GeneratedCode.Status status = code.statusAt(now);
        return status == GeneratedCode.Status.Failed || status == GeneratedCode.Status.TimedOut;
    }

    private Build build(Caller caller, String operationKey) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = Keys.parse(operationKey, "operationKey").toString();
        return builds.find(key).orElseThrow(() -> ApiException.notFound("There is no build " + key + "."));
    }
}
