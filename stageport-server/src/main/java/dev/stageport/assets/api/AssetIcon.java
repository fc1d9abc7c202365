package dev.stageport.assets.api;

/** GET .../icon: where to download the bundle's icon, and the icon's digest as a UUID. */
public record AssetIcon(String iconUrl, String iconDigest) {
}
