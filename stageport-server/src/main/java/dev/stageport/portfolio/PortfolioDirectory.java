package dev.stageport.portfolio;

import dev.stageport.assets.RevisionDescriptions;
import dev.stageport.assets.SemVer;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.identity.PermissionFilter;
import dev.stageport.portfolio.api.Library;
import dev.stageport.portfolio.api.LibraryPagedListResponse;
import dev.stageport.portfolio.api.LibraryRevision;
import dev.stageport.portfolio.api.PortfolioPagedListResponse;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Portfolios (list, rename) and the libraries in them (portfolio API v2). */
@Service
public class PortfolioDirectory {

    /** The library types the document lists; Stageport's own libraries are LowCodeLibrary. */
    static final Set<String> LIBRARY_TYPES = Set.of("LowCodeLibrary", "ExtensionLibrary", "ExternalLibrary",
            "WidgetLibrary", "MobileLibrary");

    private final PortfolioRepository portfolios;
    private final StageRepository stages;
    private final LibraryRepository libraries;
    private final RevisionDescriptions revisions;

    public PortfolioDirectory(PortfolioRepository portfolios, StageRepository stages, LibraryRepository libraries,
                              RevisionDescriptions revisions) {
        this.portfolios = portfolios;
        this.stages = stages;
        this.libraries = libraries;
        this.revisions = revisions;
    }

    public PortfolioPagedListResponse portfolios(Caller caller, String portfolioKey, Integer limit, Integer offset) {
        requireSomePermission(caller);
        Paging paging = Paging.of(limit, offset);
        String filter = portfolioKey == null ? null : Keys.parse(portfolioKey, "portfolioKey").toString();
        int nonProduction = (int) stages.all().stream().filter(s -> s.purpose() != Stage.Purpose.Production).count();
        List<dev.stageport.portfolio.api.Portfolio> all = portfolios.all().stream()
                .filter(p -> filter == null || p.key().equals(filter))
                .map(p -> new dev.stageport.portfolio.api.Portfolio(p.key(), p.name(), p.hostingType(), p.main(),
                        p.main() ? nonProduction : 0))
                .toList();
        List<dev.stageport.portfolio.api.Portfolio> page = all.stream().skip(paging.offset()).limit(paging.limit())
                .toList();
        return new PortfolioPagedListResponse(PageInfoWithTotals.of(paging, page.size(), all.size()), page);
    }

    public void rename(Caller caller, String portfolioKey, JsonNode body) {
        String key = Keys.parse(portfolioKey, "portfolioKey").toString();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with 'name'.");
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("name")) {
                throw ApiException.badRequest("Unknown field '" + field + "'; expected 'name'.");
            }
        }
        Portfolio portfolio = portfolios.find(key)
                .orElseThrow(() -> ApiException.notFound("No portfolio with key " + key + "."));
        caller.require(Permission.MANAGE_PORTFOLIO, Caller.EVERY_STAGE);
        JsonNode name = body.get("name");
        if (name == null || name.isNull()) {
            return;
        }
        if (!name.isString() || name.asString().isBlank() || name.asString().length() > Portfolio.MAX_NAME_LENGTH) {
            throw ApiException.badRequest("'name' must be a string of 1 to " + Portfolio.MAX_NAME_LENGTH
                    + " characters.");
        }
        portfolios.rename(portfolio.key(), name.asString().trim());
    }

    /** Query of GET /libraries, as sent. */
    public record LibraryQuery(String keys, List<String> types, String nameContains, String permissionFilter,
                               List<String> sort, String portfolioKey, String revisions, Integer limit,
                               Integer offset) {
    }

    public LibraryPagedListResponse libraries(Caller caller, LibraryQuery q) {
        requireSomePermission(caller);
        Paging paging = Paging.of(q.limit(), q.offset());
        Set<String> keys = split(q.keys()).stream().map(k -> Keys.parse(k, "key").toString())
                .collect(Collectors.toSet());
        Set<String> types = q.types() == null ? Set.of() : q.types().stream().flatMap(t -> split(t).stream())
                .map(t -> LIBRARY_TYPES.stream().filter(known -> known.equalsIgnoreCase(t)).findFirst()
                        .orElseThrow(() -> ApiException.badRequest("'type' must be among "
                                + new java.util.TreeSet<>(LIBRARY_TYPES) + ", got '" + t + "'.")))
                .collect(Collectors.toSet());
        String portfolio = q.portfolioKey() == null ? null : Keys.parse(q.portfolioKey(), "portfolioKey").toString();
        String which = revisionsFilter(q.revisions());
        Comparator<Entry> order = LibraryOrder.parse(q.sort());
        String nameContains = q.nameContains() == null ? null : q.nameContains().toLowerCase(Locale.ROOT);
        boolean permitted = permitted(caller, q.permissionFilter());

        Map<String, List<LibraryRepository.Row>> byAsset = new LinkedHashMap<>();
        for (LibraryRepository.Row row : libraries.revisionsOfTypes(types.isEmpty() ? LIBRARY_TYPES : types)) {
            byAsset.computeIfAbsent(row.assetKey(), k -> new ArrayList<>()).add(row);
        }
        List<Entry> all = new ArrayList<>();
        for (List<LibraryRepository.Row> rows : byAsset.values()) {
            LibraryRepository.Row latest = rows.get(rows.size() - 1);
            String portfolioKey = latest.portfolioKey() == null ? Portfolio.MAIN_KEY : latest.portfolioKey();
            boolean matches = permitted && (keys.isEmpty() || keys.contains(latest.assetKey()))
                    && (portfolio == null || portfolio.equals(portfolioKey))
                    && (nameContains == null || latest.name().toLowerCase(Locale.ROOT).contains(nameContains));
            if (matches) {
                all.add(new Entry(new Library(latest.assetKey(), latest.type(), false, portfolioKey,
                        chosen(rows, which).stream().map(r -> revision(r, latest.revision())).toList()), latest));
            }
        }
        all.sort(order);
        List<Library> page = all.stream().skip(paging.offset()).limit(paging.limit()).map(Entry::library).toList();
        return new LibraryPagedListResponse(PageInfoWithTotals.of(paging, page.size(), all.size()), page);
    }

    /** A library as listed, and its latest revision, which names and dates it for sorting. */
    record Entry(Library library, LibraryRepository.Row latest) {
    }

    private static List<LibraryRepository.Row> chosen(List<LibraryRepository.Row> rows, String which) {
        LibraryRepository.Row latest = rows.get(rows.size() - 1);
        return switch (which) {
            case "All" -> rows;
            case "HighestTag" -> rows.stream().filter(r -> r.tag() != null && SemVer.parse(r.tag()).isPresent())
                    .max(Comparator.comparing(r -> SemVer.parse(r.tag()).orElseThrow())).map(List::of)
                    .orElse(List.of());
            default -> List.of(latest);
        };
    }

    private LibraryRevision revision(LibraryRepository.Row r, int latest) {
        return new LibraryRevision(r.revision(), r.name(), r.description(),
                revisions.iconUrl(r.assetKey(), r.revision()).orElse(null), r.createdAt(), r.createdBy(), r.tag(),
                r.taggedBy(), r.taggedAt(), r.revision() == latest);
    }

    private static String revisionsFilter(String value) {
        if (value == null || value.isBlank()) {
            return "Latest";
        }
        return List.of("Latest", "HighestTag", "All").stream().filter(v -> v.equalsIgnoreCase(value.trim()))
                .findFirst().orElseThrow(() -> ApiException.badRequest("'revisions' must be Latest, HighestTag or"
                        + " All, got '" + value + "'."));
    }

    /** Libraries are not per stage: a permission filter lets all through when the caller holds it somewhere. */
    private static boolean permitted(Caller caller, String permissionFilter) {
        PermissionFilter filter = PermissionFilter.parse(permissionFilter);
        if (filter == null) {
            return true;
        }
        Set<String> stages = filter.stages(caller);
        return stages == null || !stages.isEmpty();
    }

    private static void requireSomePermission(Caller caller) {
        if (caller.grants().values().stream().allMatch(Set::isEmpty)) {
            throw ApiException.forbidden("The API client '" + caller.clientId() + "' has no permission at all.");
        }
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** sort=Name:asc or PublishDateTime:desc (the latest revision's), several joined by comma. */
    static final class LibraryOrder {

        private LibraryOrder() {
        }

        static Comparator<Entry> parse(List<String> sort) {
            Comparator<Entry> byName = Comparator.comparing(e -> e.latest().name().toLowerCase(Locale.ROOT));
            Comparator<Entry> order = null;
            for (String part : sort == null ? List.<String>of()
                    : sort.stream().flatMap(s -> split(s).stream()).toList()) {
                String[] fieldAndDirection = part.split(":", -1);
                String direction = fieldAndDirection.length > 1 ? fieldAndDirection[1].trim() : "asc";
                if (fieldAndDirection.length > 2 || !Set.of("asc", "desc").contains(direction.toLowerCase(Locale.ROOT))) {
                    throw invalid(part);
                }
                Comparator<Entry> one = switch (fieldAndDirection[0].trim().toLowerCase(Locale.ROOT)) {
                    case "name" -> byName;
                    case "publishdatetime" -> Comparator.comparing(e -> e.latest().createdAt());
                    default -> throw invalid(part);
                };
                one = direction.equalsIgnoreCase("desc") ? one.reversed() : one;
                order = order == null ? one : order.thenComparing(one);
            }
            Comparator<Entry> byKey = Comparator.comparing(e -> e.library().key());
            return (order == null ? byName : order).thenComparing(byKey);
        }

        private static ApiException invalid(String part) {
            return ApiException.badRequest("'sort' must be Name or PublishDateTime with :asc or :desc, got '"
                    + part + "'.");
        }
    }
}
