package dev.stageport.emulator;

import java.util.List;

/** The journal's entries that match the filters, oldest first, and how many it keeps at most. */
public record JournalResponse(List<JournalEntryResponse> results, int capacity) {

    /** One entry on the wire: times as RFC 3339 text. */
    public record JournalEntryResponse(String at, String method, String path, String query, int status,
                                       String clientId, long durationMillis, String operationKey, String traceId) {

        static JournalEntryResponse of(JournalEntry e) {
            return new JournalEntryResponse(e.at().toString(), e.method(), e.path(), e.query(), e.status(),
                    e.clientId(), e.durationMillis(), e.operationKey(), e.traceId());
        }
    }
}
