package dev.stageport.identity.api;

/** Body of PATCH /api/stageport/v1/console-users/{username}: the fields to change. */
public record ConsoleUserPatch(String displayName, String password) {
}
