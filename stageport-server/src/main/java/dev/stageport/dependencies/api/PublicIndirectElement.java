package dev.stageport.dependencies.api;

/** ODC's PublicIndirectElement: an asset on an indirect dependency path. */
public record PublicIndirectElement(String name, Integer revision, String portfolioKey, String portfolioName, String assetKey) {
}
