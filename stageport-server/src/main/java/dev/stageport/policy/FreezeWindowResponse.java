package dev.stageport.policy;

import java.time.Instant;
import java.util.List;

/** A freeze window as the API shows it, with the occurrence in progress or the next one. */
public record FreezeWindowResponse(String key, String environmentKey, String name, Instant start, Instant end,
                                   String cron, Integer durationMinutes, String timeZone, boolean active,
                                   FreezeWindow.Occurrence nextOccurrence, Instant createdAt, String createdBy) {

    /** The list answer of GET /environments/{environmentKey}/freeze-windows. */
    public record ListResponse(List<FreezeWindowResponse> results) {
    }

    static FreezeWindowResponse of(FreezeWindow w, Instant now) {
        return new FreezeWindowResponse(w.key(), w.environmentKey(), w.name(), w.start(), w.end(), w.cron(),
                w.durationMinutes(), w.timeZone(), w.activeAt(now).isPresent(), w.nextOccurrence(now).orElse(null),
                w.createdAt(), w.createdBy());
    }
}
