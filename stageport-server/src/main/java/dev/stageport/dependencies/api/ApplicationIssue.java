package dev.stageport.dependencies.api;

/** ODC's ApplicationIssue: a conflict at the level of a whole asset (a name collision, a producer not deployed). */
public record ApplicationIssue(String conflictType, String conflictSeverity, String hint) {
}
