package dev.stageport.portfolio.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Portfolio v2 LibraryRevision; {@code name} is required by the schema, so it is always written. */
public record LibraryRevision(
        int revision,
        @JsonInclude(JsonInclude.Include.ALWAYS) String name,
        String description,
        String iconUrl,
        Instant publishDateTime,
        String publishUserKey,
        String tag,
        String taggingUserKey,
        Instant taggingDateTime,
        boolean isLatest) {
}
