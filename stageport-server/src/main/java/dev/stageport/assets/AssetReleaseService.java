package dev.stageport.assets;

import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.assets.api.AssetReleaseNoteContent;
import dev.stageport.assets.api.AssetRevisionV1;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Releasing (tags, release notes, commit messages) and deleting assets. */
@Service
public class AssetReleaseService {

    private static final Set<String> PATCH_FIELDS = Set.of("tag", "releaseNotes", "commitMessage");

    private final AssetRepository assets;
    private final AssetService reads;
    private final AssetPortfolio portfolio;
    private final TransactionTemplate transactions;
    private final ArtifactStore artifacts;
    private final Clock clock;

    public AssetReleaseService(AssetRepository assets, AssetService reads, AssetPortfolio portfolio,
                               TransactionTemplate transactions, ArtifactStore artifacts, Clock clock) {
        this.artifacts = artifacts;
        this.assets = assets;
        this.reads = reads;
        this.portfolio = portfolio;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * PATCH of a revision: only the fields present change; a null {@code tag} removes
     * the tag and with it the release notes, which exist only on tagged revisions.
     */
    public void patch(Caller caller, String assetKey, int revisionNumber, JsonNode body) {
        if (!caller.canAnywhere(Permission.RELEASE)) {
            caller.requireAnywhere(Permission.ASSET_CHANGE);
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with 'tag', 'releaseNotes' and/or"
                    + " 'commitMessage'.");
        }
        for (String name : body.propertyNames()) {
            if (!PATCH_FIELDS.contains(name)) {
                throw ApiException.badRequest("Unknown field '" + name + "'; expected " + PATCH_FIELDS + ".");
            }
        }
        String key = Keys.parse(assetKey, "assetKey").toString();
        AssetRevision current = assets.findRevision(key, revisionNumber).orElseThrow(() ->
                ApiException.notFound("The asset " + key + " has no revision " + revisionNumber + "."));
        String tag = body.has("tag") ? text(body, "tag") : current.tag();
        String notes = body.has("releaseNotes") ? text(body, "releaseNotes")
                : tag == null ? null : current.releaseNotes();
        String commitMessage = body.has("commitMessage") ? text(body, "commitMessage") : current.commitMessage();
        if (tag != null && SemVer.parse(tag).isEmpty()) {
            throw ApiException.badRequest("'tag' must be a semantic version MAJOR.MINOR.PATCH such as 1.4.0, got '"
                    + tag + "'.");
        }
        RevisionWriter.checkNotes(tag, notes, commitMessage);
        boolean retagged = tag != null && !tag.equals(current.tag());
        try {
            transactions.executeWithoutResult(status -> {
                if (retagged && assets.findByTag(key, tag).isPresent()) {
                    throw duplicateTag(key, tag);
                }
                assets.label(key, revisionNumber, tag, retagged ? caller.clientId() : current.taggedBy(),
                        retagged ? clock.instant() : tag == null ? null : current.taggedAt(), notes, commitMessage);
            });
        } catch (DuplicateKeyException e) {
            // a concurrent PATCH took the tag between our check and our update
            throw duplicateTag(key, tag);
        }
    }

    public AssetRevisionV1 highestTagged(Caller caller, String assetKey, List<String> embed) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = reads.existing(assetKey);
        AssetRevision highest = assets.taggedRevisions(key).stream()
                .filter(r -> SemVer.parse(r.tag()).isPresent())
                .max(Comparator.comparing(r -> SemVer.parse(r.tag()).orElseThrow()))
                .orElseThrow(() -> ApiException.notFound("The asset " + key + " has no tagged revision."));
        return reads.revision(caller, key, highest.revision(), embed);
    }

    public AssetReleaseNoteContent releaseNotes(Caller caller, String assetKey, int revisionNumber) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = reads.existing(assetKey);
        AssetRevision revision = assets.findRevision(key, revisionNumber).orElseThrow(() ->
                ApiException.notFound("The asset " + key + " has no revision " + revisionNumber + "."));
        return new AssetReleaseNoteContent(revision.tag(), revision.releaseNotes());
    }

    /**
     * Refused with 409 while the asset is deployed in any stage or a deployment or build is in
     * flight. Its bundles and build artifacts leave the artifact store unless another asset uses them.
     */
    public void delete(Caller caller, String assetKey) {
        caller.requireAnywhere(Permission.ASSET_DELETE);
        String key = reads.existing(assetKey);
        List<String> blobs = transactions.execute(status -> {
            if (portfolio.deployedAnywhere(key)) {
                throw ApiException.conflict("The asset " + key + " is deployed in at least one stage; undeploy it"
                        + " everywhere before deleting it.");
            }
            if (assets.hasWorkInFlight(key)) {
                throw ApiException.conflict("The asset " + key + " has a deployment or build in progress; delete"
                        + " it once that has finished.");
            }
            List<String> digests = assets.blobDigests(key);
            assets.deleteWithConfiguration(key);
            return digests;
        });
        blobs.forEach(artifacts::discardIfUnused);
    }

    private static ApiException duplicateTag(String key, String tag) {
        return ApiException.badRequest("The tag " + tag + " is already on another revision of the asset " + key
                + "; tags are unique per asset.");
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("'" + field + "' must be a string or null.");
        }
        return value.asString();
    }
}
