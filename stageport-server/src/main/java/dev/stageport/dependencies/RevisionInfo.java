package dev.stageport.dependencies;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRevision;
import dev.stageport.bundles.Bundle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * One asset revision as the dependency lists show it. The revision's digests
 * combine those of its public elements; the model digest is shown as a UUID (the
 * documents' format) derived from the stored one when that is not a UUID already.
 */
public record RevisionInfo(String assetKey, int revision, String name, String description, String type,
                           String portfolioKey, String tag, String signatureDigest, String compatibilityDigest,
                           String modelDigest) {

    static RevisionInfo of(Asset asset, AssetRevision revision, List<ElementSnapshot> elements) {
        return new RevisionInfo(asset.key(), revision.revision(), revision.name(), revision.description(),
                asset.assetType(), asset.portfolioKey(), revision.tag(),
                Signatures.combined("revision-signature", elements.stream().map(ElementSnapshot::signatureDigest)
                        .toList()),
                Signatures.combined("revision-compatibility", elements.stream()
                        .map(ElementSnapshot::compatibilityDigest).toList()),
                uuidForm(revision.modelDigest()));
    }

    public boolean deployable() {
        return Bundle.APP_TYPES.contains(type);
    }

    static String uuidForm(String digest) {
        if (digest == null) {
            return null;
        }
        try {
            return UUID.fromString(digest).toString();
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(digest.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
