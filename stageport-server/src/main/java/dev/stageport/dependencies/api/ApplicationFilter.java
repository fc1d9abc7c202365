package dev.stageport.dependencies.api;

/** ODC's ApplicationFilter: one asset to search in: its latest revision, or the revision with this model digest. */
public record ApplicationFilter(String key, String digest) {
}
