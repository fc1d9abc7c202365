package dev.stageport.identity.api;

import java.time.Instant;
import java.util.List;

/**
 * A console user as the management API shows it. {@code password} is present only in the
 * answer that generated it.
 */
public record ConsoleUserResponse(String username, String displayName, String status, Instant createdAt,
                                  List<PermissionGrant> permissions, String password) {
}
