package dev.stageport.identity;

import dev.stageport.errors.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * The authenticated API client behind a request and what it may do, per stage.
 * Domain services take a Caller and ask it; controllers never check permissions.
 * {@code stages} only names the stage in a refusal, so a person reads "QA", not a key.
 */
public record Caller(String clientId, Map<Permission, Set<String>> grants, KnownStages stages) {

    /** Grants on this pseudo stage key apply to every stage. */
    public static final String EVERY_STAGE = "*";

    /** A caller whose refusals name stages by key only (the demo, seeds, tests). */
    public Caller(String clientId, Map<Permission, Set<String>> grants) {
        this(clientId, grants, KnownStages.NONE);
    }

    public boolean can(Permission permission, String environmentKey) {
        Set<String> granted = grants.getOrDefault(permission, Set.of());
        return granted.contains(EVERY_STAGE) || granted.contains(environmentKey);
    }

    /** True when the permission is granted on at least one stage. */
    public boolean canAnywhere(Permission permission) {
        return !grants.getOrDefault(permission, Set.of()).isEmpty();
    }

    public void require(Permission permission, String environmentKey) {
        require(permission, environmentKey, null);
    }

    /** Like {@link #require(Permission, String)}, naming the request parameter that gave the stage. */
    public void require(Permission permission, String environmentKey, String parameter) {
        if (!can(permission, environmentKey)) {
            throw ApiException.forbidden("The API client '" + clientId + "' lacks the permission '"
                    + permission.label() + "' on " + stage(environmentKey)
                    + (parameter == null ? "" : ", given as '" + parameter + "'") + ".");
        }
    }

    /**
     * How a refusal names the stage: by name when the caller may view it; a stage it may not
     * view (or one that does not exist, which it must not tell apart) only by the key it sent.
     */
    private String stage(String environmentKey) {
        if (EVERY_STAGE.equals(environmentKey)) {
            return "every stage ('*')";
        }
        return visibleName(environmentKey).map(name -> "the stage '" + name + "' (" + environmentKey + ")")
                .orElse("the stage " + environmentKey + " (not found or not permitted)");
    }

    private java.util.Optional<String> visibleName(String environmentKey) {
        return can(Permission.STAGE_VIEW, environmentKey) ? stages.name(environmentKey) : java.util.Optional.empty();
    }

    /**
     * Like {@link #require}, for a resource looked up by its own key: the refusal names the
     * stage only when the caller may view it, since it did not send the stage's key itself.
     */
    public void requireUnnamed(Permission permission, String environmentKey, String resource) {
        if (!can(permission, environmentKey)) {
            throw ApiException.forbidden("The API client '" + clientId + "' lacks the permission '"
                    + permission.label() + "' on the stage " + visibleName(environmentKey).map(n -> "'" + n + "' ")
                    .orElse("") + "of " + resource + ".");
        }
    }

    public void requireAnywhere(Permission permission) {
        if (!canAnywhere(permission)) {
            throw ApiException.forbidden("The API client '" + clientId + "' lacks the permission '"
                    + permission.label() + "'.");
        }
    }
}
