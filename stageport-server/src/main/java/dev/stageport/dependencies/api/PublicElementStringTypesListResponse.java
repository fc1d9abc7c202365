package dev.stageport.dependencies.api;

/** ODC's PublicElementStringTypesListResponse: the public elements of one revision. */
public record PublicElementStringTypesListResponse(java.util.List<PublicElementStringTypes> results) {
}
