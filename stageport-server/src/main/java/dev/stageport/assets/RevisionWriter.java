package dev.stageport.assets;

import dev.stageport.bundles.Bundle;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the asset or its next revision for a validated bundle. Revision numbers
 * come from the database alone: each attempt reads max(revision) + 1 and inserts
 * it; when a concurrent upload took that number first, the primary key refuses
 * the insert and the attempt is repeated in a fresh transaction with the next
 * number. No lock is held in Java, so replicas on one database behave the same.
 */
@Component
class RevisionWriter {

    static final int MAX_ATTEMPTS = 20;
    static final int MAX_COMMIT_MESSAGE = 2000;
    static final int MAX_RELEASE_NOTES = 20_000;

    private final AssetRepository assets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ElementReferences dependencies;

    RevisionWriter(AssetRepository assets, TransactionTemplate transactions, Clock clock,
                   ElementReferences dependencies) {
        this.assets = assets;
        this.dependencies = dependencies;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checked labels of a new revision. */
    record Labels(String tag, SemVer version, String releaseNotes, String commitMessage, String portfolioKey,
                  boolean skipSequential) {
    }

    static Labels labels(UploadOptions options) {
        SemVer version = null;
        if (options.tag() != null) {
            version = SemVer.parse(options.tag()).orElseThrow(() -> ApiException.badRequest(
                    "'tag' must be a semantic version MAJOR.MINOR.PATCH such as 1.4.0, got '" + options.tag() + "'."));
        }
        checkNotes(options.tag(), options.releaseNotes(), options.commitMessage());
        String portfolio = options.portfolioKey() == null ? null
                : Keys.parse(options.portfolioKey(), "portfolioKey").toString();
        return new Labels(options.tag(), version, options.releaseNotes(), options.commitMessage(), portfolio,
                options.skipSequentialVersionValidation());
    }

    static void checkNotes(String tag, String releaseNotes, String commitMessage) {
        if (releaseNotes != null && tag == null) {
            throw ApiException.badRequest("'releaseNotes' needs a 'tag': only a tagged revision has release notes.");
        }
        if (releaseNotes != null && releaseNotes.length() > MAX_RELEASE_NOTES) {
            throw ApiException.badRequest("'releaseNotes' may hold at most " + MAX_RELEASE_NOTES + " characters.");
        }
        if (commitMessage != null && commitMessage.length() > MAX_COMMIT_MESSAGE) {
            throw ApiException.badRequest("'commitMessage' may hold at most " + MAX_COMMIT_MESSAGE + " characters.");
        }
    }

    AssetRevision write(Caller caller, Bundle bundle, String digest, Labels labels, String uploadedBy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> attempt(caller, bundle, digest, labels, uploadedBy));
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw ApiException.conflict("The asset " + bundle.assetKey() + " is receiving too many"
                            + " revisions at once; retry the upload.");
                }
                pause(backoff(attempt));
            }
        }
    }

    /** Pure backoff between attempts: 5 ms doubling, capped at 200 ms. */
    static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(200, 5L << Math.min(attempt - 1, 10)));
    }

    private AssetRevision attempt(Caller caller, Bundle bundle, String digest, Labels labels, String uploadedBy) {
        Instant now = clock.instant();
        Optional<Asset> existing = assets.find(bundle.assetKey());
        if (existing.isEmpty()) {
            caller.requireAnywhere(Permission.ASSET_CREATE);
            assets.insert(new Asset(bundle.assetKey(), bundle.name(), bundle.description(), bundle.type(),
                    labels.portfolioKey(), false, now, uploadedBy));
        } else {
            caller.requireAnywhere(Permission.ASSET_CHANGE);
            checkSameAsset(existing.get(), bundle, labels);
        }
        if (labels.tag() != null) {
            checkTag(bundle.assetKey(), labels);
        }
        int revision = assets.highestRevisionNumber(bundle.assetKey()) + 1;
        String commitMessage = labels.commitMessage() != null ? labels.commitMessage() : bundle.commitMessage();
        AssetRevision row = new AssetRevision(bundle.assetKey(), revision, bundle.name(), bundle.description(),
                labels.tag(), labels.tag() == null ? null : uploadedBy, labels.tag() == null ? null : now,
                commitMessage, labels.releaseNotes(), digest, bundle.configuration().toJson(), now, uploadedBy);
        assets.insertRevision(row, digest);
        dependencies.record(bundle, revision);
        assets.describe(bundle.assetKey(), bundle.name(), bundle.description());
        return row;
    }

    private static void checkSameAsset(Asset asset, Bundle bundle, Labels labels) {
        if (!asset.assetType().equals(bundle.type())) {
            throw ApiException.badRequest("The bundle declares type " + bundle.type() + " but the asset "
                    + asset.key() + " is a " + asset.assetType() + "; an asset keeps its type.");
        }
        if (labels.portfolioKey() != null && !labels.portfolioKey().equals(asset.portfolioKey())) {
            throw ApiException.badRequest("'portfolioKey' " + labels.portfolioKey() + " does not match the asset's"
                    + " portfolio.");
        }
    }

    private void checkTag(String assetKey, Labels labels) {
        if (assets.findByTag(assetKey, labels.tag()).isPresent()) {
            throw ApiException.badRequest("The tag " + labels.tag() + " is already on another revision of the asset "
                    + assetKey + "; tags are unique per asset.");
        }
        if (labels.skipSequential()) {
            return;
        }
        Optional<SemVer> highest = assets.taggedRevisions(assetKey).stream()
                .flatMap(r -> SemVer.parse(r.tag()).stream()).max(Comparator.naturalOrder());
        if (highest.isPresent() && labels.version().compareTo(highest.get()) <= 0) {
            throw ApiException.badRequest("The tag " + labels.tag() + " must be higher than the asset's highest tag "
                    + highest.get() + " (or set skipSequentialVersionValidation).");
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.conflict("The upload was interrupted; retry it.");
        }
    }
}
