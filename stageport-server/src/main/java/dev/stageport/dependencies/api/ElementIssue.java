package dev.stageport.dependencies.api;

/** ODC's ElementIssue: a public element a consumer uses that would break. */
public record ElementIssue(String name, String type, String conflictType, String conflictSeverity,
        String incompatibilityType, String hint) {
}
