package dev.stageport.deployments;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.identity.PermissionFilter;
import dev.stageport.errors.ApiException;
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

    public OperationQuery query(Caller caller, ListRequest r) {
        Set<String> stages = stagesWith(caller, Permission.STAGE_VIEW);
        if (r.permissionFilter() != null && !r.permissionFilter().isBlank()) {
            stages = intersect(stages, PermissionFilter.parse(r.permissionFilter()).stages(caller));
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
