package dev.stageport.identity.api;

import java.time.Instant;
import java.util.List;

/**
 * An API client as Stageport's management API shows it. {@code clientSecret} is
 * present only in the answer that created or regenerated it.
 */
public record ApiClientResponse(String clientId, String name, String description, String status,
                                Instant secretExpiresAt, Instant createdAt, List<PermissionGrant> permissions,
                                String clientSecret) {
}
