package dev.stageport.assets;

import dev.stageport.StageportProperties;
import dev.stageport.artifacts.ArtifactStore;
import dev.stageport.bundles.Bundle;
import dev.stageport.bundles.BundleProblems;
import dev.stageport.bundles.BundleReader;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Bundle upload: stream the zip into the artifact store, validate it (manifest,
 * entries, library references) and only then create the asset and its next
 * revision. A refused bundle creates no asset and no revision, and its blob is
 * removed at once unless something else uses the same bytes (see docs/bundles.md).
 */
@Service
public class AssetUploadService {

    /** Seeds and other server-side callers act with every permission. */
    private static final Caller SYSTEM = systemCaller();

    private final ArtifactStore store;
    private final BundleReader reader;
    private final LibraryResolver libraries;
    private final RevisionWriter writer;
    private final ElementReferences dependencies;
    private final long maxBytes;

    public AssetUploadService(ArtifactStore store, BundleReader reader, LibraryResolver libraries,
                              RevisionWriter writer, ElementReferences dependencies, StageportProperties properties) {
        this.store = store;
        this.dependencies = dependencies;
        this.reader = reader;
        this.libraries = libraries;
        this.writer = writer;
        this.maxBytes = properties.bundles().maxSize().toBytes();
    }

    /** For server-side callers (e.g. the demo seeder): no permission checks. */
    public AssetRevision upload(InputStream bundle, String uploadedBy) {
        return upload(SYSTEM, bundle, UploadOptions.NONE, uploadedBy);
    }

    /**
     * Creates the asset (Asset management > Create) or its next revision (Asset
     * management > Change) from a bundle zip.
     *
     * @throws ApiException 400 listing every problem of a bad bundle, 413 when it is too large
     */
    public AssetRevision upload(Caller caller, InputStream bundle, UploadOptions options, String uploadedBy) {
        // refused before a byte is stored; the exact permission is checked once the manifest names the asset
        requireUploader(caller);
        RevisionWriter.Labels labels = RevisionWriter.labels(options);
        ArtifactStore.StoredBlob blob = storeHeld(bundle);
        try {
            return create(caller, blob.digest(), labels, uploadedBy);
        } finally {
            store.release(blob.digest());
        }
    }

    /** Asset management > Create or > Change: what any upload needs before the bundle says which. */
    static void requireUploader(Caller caller) {
        if (!caller.canAnywhere(Permission.ASSET_CREATE)) {
            caller.requireAnywhere(Permission.ASSET_CHANGE);
        }
    }

    /** A bundle that is already in the artifact store, e.g. one sent to an upload URL. */
    public AssetRevision createFromStored(Caller caller, String digest, UploadOptions options, String uploadedBy) {
        return create(caller, digest, RevisionWriter.labels(options), uploadedBy);
    }

    /**
     * 413 up front when the request declares a length over the limit, so a client
     * is not left sending hundreds of megabytes that will be refused anyway.
     */
    public void checkDeclaredSize(long contentLength) {
        if (contentLength > maxBytes) {
            throw tooLarge();
        }
    }

    /**
     * Streams a bundle into the store with the configured size limit; 413 beyond it. The
     * blob is held: the caller {@link #release}s it once a revision or an upload URL uses it, or not.
     */
    public ArtifactStore.StoredBlob storeHeld(InputStream bundle) {
        try {
            return store.putHeld(bundle, maxBytes);
        } catch (ArtifactStore.TooLarge e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded bundle", e);
        }
    }

    public void release(String digest) {
        store.release(digest);
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The bundle is larger than the limit of " + maxBytes
                + " bytes (stageport.bundles.max-size).");
    }

    private AssetRevision create(Caller caller, String digest, RevisionWriter.Labels labels, String uploadedBy) {
        Bundle bundle = validated(digest);
        return writer.write(caller, bundle, digest, labels, uploadedBy);
    }

    /** The bundle with its libraries resolved, or 400 with every problem the reader and resolvers found. */
    private Bundle validated(String digest) {
        Bundle bundle;
        try {
            // find, not path: a bundle sent to an upload URL on another replica is fetched from the database
            bundle = reader.read(store.find(digest).orElseThrow(() -> ApiException.badRequest("The uploaded bundle "
                    + digest + " is no longer in the artifact store; upload it again.")));
        } catch (BundleProblems e) {
            List<String> problems = new ArrayList<>(e.problems());
            e.partial().ifPresent(partial -> {
                problems.addAll(libraries.problems(partial));
                problems.addAll(dependencies.problems(partial));
            });
            throw invalid(problems);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored bundle " + digest, e);
        }
        Bundle resolved;
        try {
            resolved = libraries.resolve(bundle);
        } catch (BundleProblems e) {
            List<String> problems = new ArrayList<>(e.problems());
            problems.addAll(dependencies.problems(bundle));
            throw invalid(problems);
        }
        List<String> references = dependencies.problems(resolved);
        if (!references.isEmpty()) {
            throw invalid(references);
        }
        return resolved;
    }

    private static ApiException invalid(List<String> problems) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, problems.size() == 1
                ? "The bundle is not valid: " + problems.get(0)
                : "The bundle is not valid; 'errors' lists all " + problems.size() + " problems.", problems);
    }

    private static Caller systemCaller() {
        Map<Permission, Set<String>> grants = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            grants.put(permission, Set.of(Caller.EVERY_STAGE));
        }
        return new Caller("stageport", grants);
    }
}
