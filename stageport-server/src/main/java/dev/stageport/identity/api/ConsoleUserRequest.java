package dev.stageport.identity.api;

import java.util.List;

/**
 * Body of POST /api/stageport/v1/console-users. Without {@code password} one is generated and
 * shown once in the answer; a user who signs in only through single sign-on ignores it.
 */
public record ConsoleUserRequest(String username, String displayName, String password,
                                 List<PermissionGrant> permissions) {
}
