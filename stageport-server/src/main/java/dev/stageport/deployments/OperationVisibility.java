package dev.stageport.deployments;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.web.ApiException;
import dev.stageport.web.Keys;
import dev.stageport.web.Paging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns list parameters into a query, and decides which stages' operations the
 * caller may see: those with Stage > View stage, narrowed by permissionFilter.
 */
@Component
public class OperationVisibility {

    /** The permission names ODC accepts in permissionFilter; those Stageport does not model match no stage. */
    private static final Set<String> ODC_PERMISSIONS = Set.of("appviewsourcecode", "appdebug", "appchange",
            "appdelete", "appdeploy", "apprelease", "appmonitor", "appmonitoruserinfo", "appsecurityview",
            "codequalitymanage", "codequalityview", "appuserview", "appaccessmanage", "appgroupmanage", "cfgview",
            "connconfig", "appcfgchange");

    OperationQuery query(Caller caller, ListRequest r) {
        Set<String> stages = stagesWith(caller, Permission.STAGE_VIEW);
        if (r.permissionFilter() != null && !r.permissionFilter().isBlank()) {
            stages = intersect(stages, permissionFilter(caller, r.permissionFilter().trim()));
        }
        return new OperationQuery(stages,
                key(r.environmentKey(), "environmentKey"), r.status(), key(r.assetKey(), "assetKey"), r.revision(),
                key(r.portfolioKey(), "portfolioKey"), r.operations(),
                date(r.createdDateSince(), "createdDateSince"), date(r.createdDateTo(), "createdDateTo"),
                OperationSort.parse(r.sort()), Paging.of(r.limit(), r.offset()));
    }

    /** Null means every stage. */
    private static Set<String> stagesWith(Caller caller, Permission permission) {
        Set<String> granted = caller.grants().getOrDefault(permission, Set.of());
        return granted.contains(Caller.EVERY_STAGE) ? null : Set.copyOf(granted);
    }

    private static Set<String> permissionFilter(Caller caller, String filter) {
        int dot = filter.indexOf('.');
        String name = dot < 0 ? filter : filter.substring(0, dot);
        if (!ODC_PERMISSIONS.contains(name.toLowerCase())) {
            throw ApiException.badRequest("'permissionFilter' must be 'PermissionType' or "
                    + "'PermissionType.EnvironmentKey' (e.g. 'AppDeploy'), got '" + filter + "'.");
        }
        Permission permission = Permission.fromCode(name).orElse(null);
        Set<String> stages = permission == null ? Set.of() : stagesWith(caller, permission);
        if (dot < 0) {
            return stages;
        }
        String envKey = Keys.parse(filter.substring(dot + 1), "permissionFilter environment key").toString();
        return stages == null || stages.contains(envKey) ? Set.of(envKey) : Set.of();
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static String key(String value, String field) {
        return value == null || value.isBlank() ? null : Keys.parse(value, field).toString();
    }

    private static Instant date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // a '+' offset arrives as a space when the client did not encode it
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' must be an RFC 3339 date-time, got '" + value + "'.");
        }
    }
}
