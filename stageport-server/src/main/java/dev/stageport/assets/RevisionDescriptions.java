package dev.stageport.assets;

import dev.stageport.assets.api.AssetEmbeddingV1;
import dev.stageport.assets.api.AssetIcon;
import dev.stageport.assets.api.AssetMetadata;
import dev.stageport.assets.api.AssetSignature;
import dev.stageport.assets.api.AssetSourceCode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the asset repository says about one revision besides its own fields: where its bundle
 * and icon download from, its digests, its metadata; alone or embedded in a revision.
 */
@Component
public class RevisionDescriptions {

    static final Set<String> DEPLOYABLE_TYPES = dev.stageport.bundles.Bundle.RUNNABLE_TYPES;
    private static final String DOWNLOADS = "/api/stageport/v1/assets/";

    private final RevisionFiles files;

    public RevisionDescriptions(RevisionFiles files) {
        this.files = files;
    }

    /** Revisions not made from an uploaded bundle (seeded data) have nothing to download: both fields absent. */
    public AssetSourceCode sourceCode(AssetRevision r) {
        return files.bundleDigest(r.assetKey(), r.revision())
                .map(d -> new AssetSourceCode(downloads(r.assetKey(), r.revision()) + "/bundle",
                        RevisionFiles.uuidOf(d)))
                .orElse(new AssetSourceCode(null, null));
    }

    /**
     * The bundle's digest from its upload, for both digests: until bundles declare public elements
     * with signatures of their own, any change of the bundle counts as a possibly breaking one.
     */
    public AssetSignature signature(AssetRevision r) {
        return files.bundleDigest(r.assetKey(), r.revision())
                .map(d -> new AssetSignature(null, RevisionFiles.uuidOf(d), RevisionFiles.uuidOf(d)))
                .orElse(new AssetSignature(null, null, null));
    }

    public Optional<AssetIcon> icon(AssetRevision r) {
        return files.icon(r.assetKey(), r.revision())
                .map(bytes -> new AssetIcon(downloads(r.assetKey(), r.revision()) + "/icon",
                        RevisionFiles.uuidOf(bytes)));
    }

    /** Where the revision's icon downloads from, when its bundle has one. */
    public Optional<String> iconUrl(String assetKey, int revision) {
        return files.icon(assetKey, revision).map(bytes -> downloads(assetKey, revision) + "/icon");
    }

    public AssetMetadata metadata(Asset asset, AssetRevision r) {
        boolean deployable = DEPLOYABLE_TYPES.contains(asset.assetType());
        return new AssetMetadata(null, null, null, null, null, null, deployable ? urlPath(r.name()) : null,
                deployable, false, r.commitMessage());
    }

    public AssetEmbeddingV1 embedded(Asset asset, AssetRevision r, Set<String> embed, String releaseNotesUrl) {
        if (embed.isEmpty()) {
            return null;
        }
        return new AssetEmbeddingV1(
                embed.contains("releaseNote") && r.releaseNotes() != null
                        ? new AssetEmbeddingV1.AssetReleaseNote(r.tag(), releaseNotesUrl) : null,
                embed.contains("icon") ? icon(r).orElse(null) : null,
                embed.contains("sourceCode") ? sourceCode(r) : null,
                embed.contains("signature") ? signature(r) : null,
                embed.contains("metadata") ? new AssetEmbeddingV1.BaseAssetMetadata(
                        DEPLOYABLE_TYPES.contains(asset.assetType()), false, "stageport") : null);
    }

    /** The path an app is served under in a stage: its name in lower case, words joined by dashes. */
    static String urlPath(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String downloads(String assetKey, int revision) {
        return DOWNLOADS + assetKey + "/revisions/" + revision;
    }
}
