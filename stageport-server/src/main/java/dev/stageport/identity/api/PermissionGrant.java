package dev.stageport.identity.api;

/** One permission on one stage ({@code environmentKey} "*" for every stage). */
public record PermissionGrant(String permission, String environmentKey) {
}
