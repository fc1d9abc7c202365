package dev.stageport.portfolio;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.identity.PermissionFilter;
import dev.stageport.portfolio.api.DeployedAssetPagedListResponse;
import dev.stageport.portfolio.api.Deployment;
import dev.stageport.portfolio.api.Environment;
import dev.stageport.portfolio.api.EnvironmentV2;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import dev.stageport.web.PageInfoWithTotals;
import dev.stageport.web.Paging;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Which stages a client sees, and what runs in them. */
@Service
public class PortfolioService {

    private final StageRepository stages;
    private final DeployedAssetRepository deployed;
    private final AssetRepository assets;
    private final AppAddresses addresses;

    public PortfolioService(StageRepository stages, DeployedAssetRepository deployed, AssetRepository assets,
            AppAddresses addresses) {
        this.stages = stages;
        this.deployed = deployed;
        this.assets = assets;
        this.addresses = addresses;
    }

    public List<Stage> visibleStages(Caller caller) {
        return stages.all().stream().filter(s -> caller.can(Permission.STAGE_VIEW, s.key())).toList();
    }

    /** Every stage belongs to the main portfolio, so another portfolio's filter matches none. */
    public List<Stage> visibleStages(Caller caller, String portfolioKey) {
        if (portfolioKey != null && !inMainPortfolio(portfolioKey)) {
            return List.of();
        }
        return visibleStages(caller);
    }

    private static boolean inMainPortfolio(String portfolioKey) {
        return Keys.parse(portfolioKey, "portfolioKey").toString().equals(Portfolio.MAIN_KEY);
    }

    public DeployedAssetPagedListResponse deployedAssets(Caller caller, DeployedAssetQuery query) {
        Paging paging = Paging.of(query.limit(), query.offset());
        PermissionFilter permissionFilter = PermissionFilter.parse(query.permissionFilter());
        Set<String> stageFilter = keySet(query.environmentKeys(), "environmentKey");
        Set<String> assetFilter = keySet(query.assetKeys(), "key");
        Set<String> typeFilter = types(query.types());
        boolean otherPortfolio = query.portfolioKey() != null && !inMainPortfolio(query.portfolioKey());
        DeploymentOrder order = DeploymentOrder.parse(query.sort());
        Map<String, Stage> visible = visibleStages(caller).stream()
                .filter(s -> stageFilter == null || stageFilter.contains(s.key()))
                .filter(s -> permissionFilter == null || permissionFilter.allows(caller, s.key()))
                .collect(Collectors.toMap(Stage::key, s -> s));

        Map<String, List<DeployedAsset>> byAsset = new LinkedHashMap<>();
        if (!otherPortfolio) {
            for (DeployedAsset d : deployed.all()) {
                if (visible.containsKey(d.environmentKey())
                        && (assetFilter == null || assetFilter.contains(d.assetKey()))) {
                    byAsset.computeIfAbsent(d.assetKey(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        String nameContains = query.nameContains() == null ? null : query.nameContains().toLowerCase(Locale.ROOT);
        Predicate<Asset> assetMatches = a -> (typeFilter == null || typeFilter.contains(a.assetType().toLowerCase()))
                && (nameContains == null || a.name().toLowerCase(Locale.ROOT).contains(nameContains));
        List<dev.stageport.portfolio.api.DeployedAsset> all = new ArrayList<>();
        byAsset.forEach((assetKey, rows) -> assets.find(assetKey).filter(assetMatches).ifPresent(asset -> all.add(
                new dev.stageport.portfolio.api.DeployedAsset(asset.assetType(), asset.key(), false,
                        rows.stream().map(d -> deployment(d, visible.get(d.environmentKey())))
                                .sorted(Comparator.comparing(Deployment::deploymentDateTime).reversed())
                                .toList()))));
        all.sort(order.comparator());
        List<dev.stageport.portfolio.api.DeployedAsset> page = all.stream()
                .skip(paging.offset()).limit(paging.limit()).toList();
        return new DeployedAssetPagedListResponse(PageInfoWithTotals.of(paging, page.size(), all.size()), page);
    }

    private Deployment deployment(DeployedAsset d, Stage stage) {
        Optional<AssetRevision> revision = assets.findRevision(d.assetKey(), d.revision());
        String name = revision.map(AssetRevision::name).orElse(null);
        String url = addresses.addressOf(stage, d.assetKey()).orElse(null);
        return new Deployment(d.environmentKey(), name, d.revision(), d.buildKey(), d.deploymentKey(), d.deployedAt(),
                revision.map(AssetRevision::description).orElse(null), null, d.deployedBy(), url,
                revision.map(AssetRevision::tag).orElse(null), revision.map(AssetRevision::taggedBy).orElse(null),
                revision.map(AssetRevision::taggedAt).orElse(null));
    }

    private static Set<String> keySet(String commaSeparated, String field) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return null;
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Keys.parse(s, field).toString()).collect(Collectors.toSet());
    }

    private static Set<String> types(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    static Environment toV1(Stage s) {
        return new Environment(s.key(), s.name(), s.hostname(), s.purpose().name(), s.order(), s.region(),
                s.hosting(), true, true);
    }

    static EnvironmentV2 toV2(Stage s) {
        return new EnvironmentV2(s.key(), s.name(), s.hostname(), s.hostname(), s.purpose().name(), s.order(),
                s.region(), s.hosting(), "Ready", Portfolio.MAIN_KEY);
    }

    /** The one sort the spec offers: by the deployment time in one named stage. */
    record DeploymentOrder(String stageKey, boolean descending) {

        private static final java.util.regex.Pattern NESTED = java.util.regex.Pattern.compile(
                "(-?)deployments\\[([0-9a-fA-F-]{36})]\\.deploymentDateTime", java.util.regex.Pattern.CASE_INSENSITIVE);

        static DeploymentOrder parse(String sort) {
            if (sort == null || sort.isBlank()) {
                return new DeploymentOrder(null, false);
            }
            var matcher = NESTED.matcher(sort.trim());
            if (!matcher.matches()) {
                throw ApiException.badRequest("'sort' supports only deployments[<environmentKey>].deploymentDateTime"
                        + " (prefix '-' for descending), got '" + sort + "'.");
            }
            return new DeploymentOrder(matcher.group(2).toLowerCase(Locale.ROOT), !matcher.group(1).isEmpty());
        }

        /** Unsorted requests come back by asset key so paging is stable. */
        Comparator<dev.stageport.portfolio.api.DeployedAsset> comparator() {
            Comparator<dev.stageport.portfolio.api.DeployedAsset> byKey =
                    Comparator.comparing(dev.stageport.portfolio.api.DeployedAsset::key);
            if (stageKey == null) {
                return byKey;
            }
            Comparator<java.time.Instant> time = Comparator.nullsLast(
                    descending ? Comparator.<java.time.Instant>reverseOrder() : Comparator.<java.time.Instant>naturalOrder());
            return Comparator.comparing((dev.stageport.portfolio.api.DeployedAsset a) -> a.deployments().stream()
                    .filter(d -> d.environmentKey().equals(stageKey)).map(Deployment::deploymentDateTime)
                    .findFirst().orElse(null), time).thenComparing(byKey);
        }
    }
}
