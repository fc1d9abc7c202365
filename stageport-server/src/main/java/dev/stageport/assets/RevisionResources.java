package dev.stageport.assets;

import dev.stageport.assets.api.AssetIcon;
import dev.stageport.assets.api.AssetMetadata;
import dev.stageport.assets.api.AssetRevisionV1;
import dev.stageport.assets.api.AssetRevisionV1ListResponse;
import dev.stageport.assets.api.AssetSignature;
import dev.stageport.assets.api.AssetSourceCode;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A revision's source code, signature, icon and metadata, the downloads behind them, and the
 * search across assets. Every call needs Asset management > Open.
 */
@Service
public class RevisionResources {

    private static final Set<String> SEARCH_FIELDS = Set.of("assetVersionFilters", "embeds");
    private static final Set<String> FILTER_FIELDS = Set.of("key", "digest", "revision", "isHighestTag");

    private final AssetRepository assets;
    private final AssetService reads;
    private final RevisionDescriptions descriptions;
    private final RevisionFiles files;

    public RevisionResources(AssetRepository assets, AssetService reads, RevisionDescriptions descriptions,
                             RevisionFiles files) {
        this.assets = assets;
        this.reads = reads;
        this.descriptions = descriptions;
        this.files = files;
    }

    public AssetSourceCode sourceCode(Caller caller, String assetKey, int revision) {
        return descriptions.sourceCode(revision(caller, assetKey, revision));
    }

    public AssetSignature signature(Caller caller, String assetKey, int revision) {
        return descriptions.signature(revision(caller, assetKey, revision));
    }

    public AssetMetadata metadata(Caller caller, String assetKey, int revision) {
        AssetRevision r = revision(caller, assetKey, revision);
        return descriptions.metadata(assets.find(r.assetKey()).orElseThrow(), r);
    }

    public AssetIcon icon(Caller caller, String assetKey, int revision) {
        AssetRevision r = revision(caller, assetKey, revision);
        return descriptions.icon(r).orElseThrow(() -> noIcon(r));
    }

    /** The bundle as uploaded. */
    public Path bundle(Caller caller, String assetKey, int revision) {
        AssetRevision r = revision(caller, assetKey, revision);
        return files.bundle(r.assetKey(), r.revision()).orElseThrow(() -> ApiException.notFound("Revision "
                + r.revision() + " of the asset " + r.assetKey() + " was not made from an uploaded bundle."));
    }

    public byte[] iconBytes(Caller caller, String assetKey, int revision) {
        AssetRevision r = revision(caller, assetKey, revision);
        return files.icon(r.assetKey(), r.revision()).orElseThrow(() -> noIcon(r));
    }

    /** POST /assets/search: the revisions matching any of the filters, each once, by asset then revision. */
    public AssetRevisionV1ListResponse search(Caller caller, JsonNode body) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with 'assetVersionFilters' and 'embeds'.");
        }
        unknownFields(body, SEARCH_FIELDS, "");
        Set<String> embeds = AssetService.embeds(strings(body.get("embeds"), "embeds"));
        JsonNode filters = body.get("assetVersionFilters");
        if (filters != null && !filters.isNull() && !filters.isArray()) {
            throw ApiException.badRequest("'assetVersionFilters' must be an array of filters.");
        }
        Map<String, AssetRevision> found = new LinkedHashMap<>();
        for (int i = 0; filters != null && i < filters.size(); i++) {
            for (AssetRevision r : matches(filters.get(i), "assetVersionFilters[" + i + "]")) {
                found.putIfAbsent(r.assetKey() + "#" + r.revision(), r);
            }
        }
        List<AssetRevisionV1> results = found.values().stream()
                .sorted(Comparator.comparing(AssetRevision::assetKey).thenComparingInt(AssetRevision::revision))
                .map(r -> reads.toV1(r, embeds)).toList();
        return new AssetRevisionV1ListResponse(results);
    }

    private List<AssetRevision> matches(JsonNode filter, String at) {
        if (!filter.isObject()) {
            throw ApiException.badRequest("'" + at + "' must be an object.");
        }
        unknownFields(filter, FILTER_FIELDS, at + ".");
        JsonNode keyNode = filter.get("key");
        if (keyNode == null || !keyNode.isString()) {
            throw ApiException.badRequest("'" + at + ".key' is required: the key of the asset.");
        }
        String key = Keys.parse(keyNode.asString(), at + ".key").toString();
        String digest = optionalString(filter.get("digest"), at + ".digest");
        Integer revision = optionalInt(filter.get("revision"), at + ".revision");
        JsonNode highest = filter.get("isHighestTag");
        if (highest != null && !highest.isNull() && !highest.isBoolean()) {
            throw ApiException.badRequest("'" + at + ".isHighestTag' must be true or false.");
        }
        boolean highestTag = highest != null && highest.asBoolean(false);
        if (digest == null && revision == null && !highestTag) {
            throw ApiException.badRequest("'" + at + "' needs 'digest', 'revision' or 'isHighestTag': true.");
        }
        List<AssetRevision> out = new ArrayList<>();
        if (revision != null) {
            assets.findRevision(key, revision).ifPresent(out::add);
        }
        if (digest != null) {
            assets.listRevisions(key, new RevisionFilter(null, null, null, null, digest, null, "revision"),
                    AssetService.MAX_LIMIT, 0).rows().forEach(out::add);
        }
        if (highestTag) {
            assets.taggedRevisions(key).stream().filter(r -> SemVer.parse(r.tag()).isPresent())
                    .max(Comparator.comparing(r -> SemVer.parse(r.tag()).orElseThrow())).ifPresent(out::add);
        }
        return out;
    }

    private AssetRevision revision(Caller caller, String assetKey, int revision) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        String key = reads.existing(assetKey);
        return assets.findRevision(key, revision).orElseThrow(() ->
                ApiException.notFound("The asset " + key + " has no revision " + revision + "."));
    }

    private static ApiException noIcon(AssetRevision r) {
        return ApiException.notFound("Revision " + r.revision() + " of the asset " + r.assetKey() + " has no icon: its"
                + " bundle has no " + RevisionFiles.ICON + ".");
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String at) {
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                throw ApiException.badRequest("Unknown field '" + at + field + "'; expected "
                        + new java.util.TreeSet<>(allowed) + ".");
            }
        }
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isString()) {
                    throw ApiException.badRequest("'" + field + "' must be an array of strings.");
                }
                out.add(item.asString());
            }
            return out;
        }
        throw ApiException.badRequest("'" + field + "' must be an array of strings.");
    }

    private static String optionalString(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.badRequest("'" + field + "' must be a string.");
        }
        return node.asString().isEmpty() ? null : node.asString();
    }

    private static Integer optionalInt(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isInt() || node.asInt() < 1) {
            throw ApiException.badRequest("'" + field + "' must be a revision number of 1 or more.");
        }
        return node.asInt();
    }
}
