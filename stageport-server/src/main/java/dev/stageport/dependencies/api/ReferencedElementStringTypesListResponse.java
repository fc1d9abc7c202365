package dev.stageport.dependencies.api;

/** ODC's ReferencedElementStringTypesListResponse: the elements one revision references. */
public record ReferencedElementStringTypesListResponse(java.util.List<ReferencedElementStringTypes> results) {
}
