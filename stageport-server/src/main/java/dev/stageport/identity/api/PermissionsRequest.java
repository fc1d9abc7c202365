package dev.stageport.identity.api;

import java.util.List;

public record PermissionsRequest(List<PermissionGrant> permissions) {
}
