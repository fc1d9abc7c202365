package dev.stageport.bundles;

/**
 * What a bundle may hold: {@code maxFiles} zip entries and {@code maxUncompressedBytes}
 * in total once inflated (counted while inflating, so a zip that lies about its
 * sizes is caught too). The compressed size is capped where the upload is streamed.
 */
public record BundleLimits(long maxBytes, int maxFiles, long maxUncompressedBytes) {

    /** The defaults documented in docs/bundles.md. */
    public static final BundleLimits DEFAULTS = new BundleLimits(200L << 20, 20_000, 1L << 30);
}
