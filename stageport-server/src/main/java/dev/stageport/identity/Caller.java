package dev.stageport.identity;

import dev.stageport.errors.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * The authenticated API client behind a request and what it may do, per stage.
 * Domain services take a Caller and ask it; controllers never check permissions.
 */
public record Caller(String clientId, Map<Permission, Set<String>> grants) {

    /** Grants on this pseudo stage key apply to every stage. */
    public static final String EVERY_STAGE = "*";

    public boolean can(Permission permission, String environmentKey) {
        Set<String> stages = grants.getOrDefault(permission, Set.of());
        return stages.contains(EVERY_STAGE) || stages.contains(environmentKey);
    }

    /** True when the permission is granted on at least one stage. */
    public boolean canAnywhere(Permission permission) {
        return !grants.getOrDefault(permission, Set.of()).isEmpty();
    }

    public void require(Permission permission, String environmentKey) {
        if (!can(permission, environmentKey)) {
            throw ApiException.forbidden("The API client '" + clientId + "' lacks the permission '"
                    + permission.label() + "' on the stage " + environmentKey + ".");
        }
    }

    /**
     * Like {@link #require}, for a resource looked up by its own key: the refusal does
     * not name the stage, which the caller may not learn when it cannot view it.
     */
    public void requireUnnamed(Permission permission, String environmentKey, String resource) {
        if (!can(permission, environmentKey)) {
            throw ApiException.forbidden("The API client '" + clientId + "' lacks the permission '"
                    + permission.label() + "' on the stage of " + resource + ".");
        }
    }

    public void requireAnywhere(Permission permission) {
        if (!canAnywhere(permission)) {
            throw ApiException.forbidden("The API client '" + clientId + "' lacks the permission '"
                    + permission.label() + "'.");
        }
    }
}
