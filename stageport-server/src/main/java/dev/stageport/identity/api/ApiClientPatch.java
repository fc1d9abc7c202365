package dev.stageport.identity.api;

/** Only name and description can be edited, as in ODC. */
public record ApiClientPatch(String name, String description) {
}
