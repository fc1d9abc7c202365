package dev.stageport.portfolio.api;

import java.util.List;

/** Portfolio v2 Library: a library asset and the revisions the request asked for. */
public record Library(String key, String type, boolean isBuiltIn, String portfolioKey,
                      List<LibraryRevision> revisions) {
}
