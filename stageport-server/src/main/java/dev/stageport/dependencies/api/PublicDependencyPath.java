package dev.stageport.dependencies.api;

/** ODC's PublicDependencyPath: one indirect dependency path. */
public record PublicDependencyPath(java.util.List<PublicIndirectElement> indirectElements) {
}
