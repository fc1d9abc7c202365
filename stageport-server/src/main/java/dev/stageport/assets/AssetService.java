package dev.stageport.assets;

import dev.stageport.assets.api.ApplicationVersion;
import dev.stageport.assets.api.AssetRevisionV1;
import dev.stageport.assets.api.AssetRevisionV1PagedListResponse;
import dev.stageport.bundles.Bundle;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.identity.PermissionFilter;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import dev.stageport.web.PageInfoWithTotals;
import dev.stageport.web.Paging;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reading assets and revisions; every read needs Asset management > Open. */
@Service
public class AssetService {

    /** The asset repository pages up to 1000 rows, unlike the other APIs. */
    static final int MAX_LIMIT = 1000;
    private static final Set<String> EMBEDS = Set.of("releaseNote", "icon", "sourceCode", "signature", "metadata");
    private static final Set<String> TEMPLATE_TYPES = Set.of("ApplicationTemplate", "ScreenTemplateBundle");
    private static final Set<String> DEPLOYABLE_TYPES = RevisionDescriptions.DEPLOYABLE_TYPES;
    private static final Map<String, String> ASSET_SORTS = Map.of("name", "lower(a.name)", "createdAt", "a.created_at");
    private static final Map<String, String> REVISION_SORTS = Map.of("revision", "revision", "tag", "tag");

    private final AssetRepository assets;
    private final RevisionDescriptions descriptions;

    public AssetService(AssetRepository assets, RevisionDescriptions descriptions) {
        this.assets = assets;
        this.descriptions = descriptions;
    }

    public record AssetQuery(String nameContains, String nameOrDescriptionContains, List<String> assetTypes,
                             List<String> assetKeys, List<String> portfolioKeys, Boolean deployable,
                             Boolean external, String sort, List<String> embed, Integer limit, Integer offset) {
    }

    /**
     * GET /assets filters on things Stageport assets never have (URL paths, templates,
     * built-in assets) and the caller's permission; they are validated, then either
     * let everything through or nothing.
     */
    public record MetadataQuery(String urlPathContains, String templateType, Boolean builtIn,
                                String permissionFilter) {

        boolean excludesAll(Caller caller) {
            if (templateType != null && !TEMPLATE_TYPES.contains(templateType)) {
                throw ApiException.badRequest("'metadata.templateType' must be one of " + TEMPLATE_TYPES + ", got '"
                        + templateType + "'.");
            }
            PermissionFilter filter = PermissionFilter.parse(permissionFilter);
            if (filter != null) {
                Set<String> stages = filter.stages(caller);
                if (stages != null && stages.isEmpty()) {
                    return true;
                }
            }
            return (urlPathContains != null && !urlPathContains.isEmpty()) || templateType != null
                    || Boolean.TRUE.equals(builtIn);
        }
    }

    public AssetRevisionV1PagedListResponse list(Caller caller, AssetQuery q, MetadataQuery metadata) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        Paging paging = Paging.of(q.limit(), q.offset(), MAX_LIMIT);
        Set<String> embed = embeds(q.embed());
        if (metadata.excludesAll(caller)) {
            return new AssetRevisionV1PagedListResponse(PageInfoWithTotals.of(paging, 0, 0), List.of());
        }
        AssetFilter filter = new AssetFilter(q.nameContains(), q.nameOrDescriptionContains(), split(q.assetTypes()),
                split(q.assetKeys()), split(q.portfolioKeys()), q.external(), q.deployable(),
                orderBy(q.sort(), ASSET_SORTS, "lower(a.name)"));
        AssetRepository.Page<AssetRevision> page = assets.listLatest(filter, paging.limit(), paging.offset());
        return new AssetRevisionV1PagedListResponse(PageInfoWithTotals.of(paging, page.rows().size(), page.total()),
                page.rows().stream().map(r -> toV1(r, embed)).toList());
    }

    public AssetRevisionV1 latest(Caller caller, String assetKey, List<String> embed) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        Set<String> embeds = embeds(embed);
        String key = Keys.parse(assetKey, "assetKey").toString();
        return assets.latestRevision(key).map(r -> toV1(r, embeds))
                .orElseThrow(() -> ApiException.notFound("No asset with key " + key + "."));
    }

    public AssetRevisionV1 revision(Caller caller, String assetKey, int revision, List<String> embed) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        Set<String> embeds = embeds(embed);
        String key = existing(assetKey);
        return assets.findRevision(key, revision).map(r -> toV1(r, embeds))
                .orElseThrow(() -> ApiException.notFound("The asset " + key + " has no revision " + revision + "."));
    }

    public AssetRevisionV1PagedListResponse revisions(Caller caller, String assetKey, RevisionFilter filter,
                                                      String sort, List<String> embed, Integer limit,
                                                      Integer offset) {
        caller.requireAnywhere(Permission.ASSET_OPEN);
        Paging paging = Paging.of(limit, offset, MAX_LIMIT);
        Set<String> embeds = embeds(embed);
        String key = existing(assetKey);
        RevisionFilter ordered = new RevisionFilter(filter.since(), filter.to(), filter.tagged(), filter.tag(),
                filter.modelDigest(), filter.commitMessageContains(), orderBy(sort, REVISION_SORTS, "revision"));
        AssetRepository.Page<AssetRevision> page = assets.listRevisions(key, ordered, paging.limit(), paging.offset());
        return new AssetRevisionV1PagedListResponse(PageInfoWithTotals.of(paging, page.rows().size(), page.total()),
                page.rows().stream().map(r -> toV1(r, embeds)).toList());
    }

    String existing(String assetKey) {
        String key = Keys.parse(assetKey, "assetKey").toString();
        if (assets.find(key).isEmpty()) {
            throw ApiException.notFound("No asset with key " + key + ".");
        }
        return key;
    }

    /** The spec's answer to POST /assets for a revision just created. */
    public ApplicationVersion applicationVersion(AssetRevision r) {
        Asset asset = assets.find(r.assetKey()).orElseThrow();
        return new ApplicationVersion(r.assetKey(), r.revision(), r.createdBy(), r.createdAt(), r.tag(), r.name(),
                r.description(), applicationType(asset), asset.external(), DEPLOYABLE_TYPES.contains(asset.assetType()),
                false, r.modelDigest(), r.releaseNotes() == null ? null : releaseNotesPath(r));
    }

    /** The spec's ApplicationType enum has no Agent: an agent answers without one (the field is optional). */
    private static String applicationType(Asset asset) {
        return Bundle.AGENT_TYPE.equals(asset.assetType()) ? null : asset.assetType();
    }

    private static String releaseNotesPath(AssetRevision r) {
        return "/api/asset-repository/v1/assets/" + r.assetKey() + "/revisions/" + r.revision() + "/release-notes";
    }

    AssetRevisionV1 toV1(AssetRevision r, Set<String> embed) {
        Asset asset = assets.find(r.assetKey()).orElseThrow();
        return new AssetRevisionV1(r.assetKey(), asset.portfolioKey(), r.revision(), r.name(), r.description(),
                asset.external(), r.tag(), r.modelDigest(), null, asset.assetType(), r.createdBy(), r.createdAt(),
                r.commitMessage(), r.taggedBy(), r.taggedAt(),
                descriptions.embedded(asset, r, embed, releaseNotesPath(r)));
    }

    static Set<String> embeds(List<String> embed) {
        List<String> values = split(embed);
        if (values == null) {
            return Set.of();
        }
        for (String value : values) {
            if (!EMBEDS.contains(value)) {
                throw ApiException.badRequest("'embed' has an unknown value '" + value + "'; expected one of "
                        + new java.util.TreeSet<>(EMBEDS) + ".");
            }
        }
        return Set.copyOf(values);
    }

    /** Turns "-name" into a vetted ORDER BY fragment; unknown fields are refused, never concatenated. */
    private static String orderBy(String sort, Map<String, String> allowed, String fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String field : sort.split(",")) {
            String name = field.trim();
            boolean descending = name.startsWith("-");
            String column = allowed.get(descending ? name.substring(1) : name);
            if (column == null) {
                throw ApiException.badRequest("'sort' accepts " + allowed.keySet() + " (prefix '-' for descending),"
                        + " got '" + name + "'.");
            }
            parts.add(column + (descending ? " desc" : " asc"));
        }
        return String.join(", ", parts);
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> out = values.stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return out.isEmpty() ? null : out;
    }
}
