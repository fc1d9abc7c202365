package dev.stageport.dependencies;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.errors.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Looks up assets and revisions for the dependency feature; 404s name the parameter that did not match. */
@Component
public class RevisionCatalog {

    private final AssetRepository assets;
    private final ElementRepository elements;

    RevisionCatalog(AssetRepository assets, ElementRepository elements) {
        this.assets = assets;
        this.elements = elements;
    }

    public Optional<Asset> asset(String assetKey) {
        return assets.find(assetKey);
    }

    public Asset requireAsset(String assetKey, String parameter) {
        return assets.find(assetKey).orElseThrow(() -> ApiException.notFound("No asset has the key " + assetKey
                + " ('" + parameter + "')."));
    }

    public RevisionInfo require(String assetKey, int revision, String assetParameter, String revisionParameter) {
        Asset asset = requireAsset(assetKey, assetParameter);
        AssetRevision row = assets.findRevision(assetKey, revision).orElseThrow(() -> ApiException.notFound(
                "The asset " + assetKey + " has no revision " + revision + " ('" + revisionParameter + "')."));
        return RevisionInfo.of(asset, row, elements.elements(assetKey, revision));
    }

    /** Empty when the asset or the revision is gone (deleted since the link was stored). */
    public Optional<RevisionInfo> find(String assetKey, int revision) {
        Optional<Asset> asset = assets.find(assetKey);
        if (asset.isEmpty()) {
            return Optional.empty();
        }
        return assets.findRevision(assetKey, revision)
                .map(row -> RevisionInfo.of(asset.get(), row, elements.elements(assetKey, revision)));
    }

    public Optional<RevisionInfo> latest(String assetKey) {
        return assets.latestRevision(assetKey).flatMap(r -> find(assetKey, r.revision()));
    }
}
