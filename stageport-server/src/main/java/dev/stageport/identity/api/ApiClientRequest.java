package dev.stageport.identity.api;

import java.time.Instant;
import java.util.List;

/** Body of POST /api/stageport/v1/api-clients. */
public record ApiClientRequest(String name, String description, Instant secretExpiresAt,
                               List<PermissionGrant> permissions) {
}
