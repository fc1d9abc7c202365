package dev.stageport;

import dev.stageport.bundles.BundleLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every knob of the server in one place; environment variables map onto these in application.yml.
 * {@code stopAppsOnExit} ({@code on}/{@code off}): whether a clean stop also stops the process
 * stages' apps and routers (docs/runtimes.md); checked by the process driver at start.
 */
@ConfigurationProperties("stageport")
public record StageportProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String masterKey,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Demo demo,
        @DefaultValue Engine engine,
        @DefaultValue Bundles bundles,
        @DefaultValue Emulator emulator,
        @DefaultValue("off") String stopAppsOnExit) {

    public record Bootstrap(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret) {
    }

    /**
     * The demo data; {@code loadApps} extra small apps (one revision and Release build
     * each) give benchmarks many deployment targets. {@code runtimeDriver} is the driver
     * the default stages get on first start ({@code simulated} for pipeline tests and benchmarks).
     */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration stepDuration,
                       @DefaultValue("0") int loadApps, @DefaultValue("process") String runtimeDriver) {
    }

    /**
     * The deployment engine: worker threads per replica, how long a claim lasts
     * without a heartbeat, and how often idle workers look for work.
     */
    public record Engine(
            @DefaultValue("4") int workers,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("true") boolean enabled) {
    }

    /**
     * Limits of an uploaded bundle: its size as uploaded (413 beyond it), the number
     * of zip entries and the total size once inflated (both 400: a bundle problem).
     */
    public record Bundles(@DefaultValue("200MB") DataSize maxSize, @DefaultValue("20000") int maxFiles,
                          @DefaultValue("1GB") DataSize maxUncompressedSize) {

        public BundleLimits limits() {
            return new BundleLimits(maxSize.toBytes(), maxFiles, maxUncompressedSize.toBytes());
        }
    }

    /**
     * Emulator mode for pipeline tests ({@code on} or {@code off}, docs/emulator.md) and the
     * scenario seed applied to an empty database at start ({@code STAGEPORT_SEED}, YAML or JSON),
     * and how many recent requests the request journal keeps.
     */
    public record Emulator(@DefaultValue("off") String mode, @DefaultValue("") String seed,
                           @DefaultValue("1000") int journalSize) {
    }
}
