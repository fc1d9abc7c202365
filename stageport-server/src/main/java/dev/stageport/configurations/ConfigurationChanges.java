package dev.stageport.configurations;

import dev.stageport.web.PageInfoWithTotals;
import java.time.Instant;
import java.util.List;

/** What GET .../configuration-history answers: changed values, newest first (Stageport's own shape). */
public record ConfigurationChanges(List<Change> results, PageInfoWithTotals page) {

    /**
     * One changed value. {@code source} is Patch, StageDefault, Restore or Applied; {@code operationKey}
     * names the operation that applied or was restored from. Secret values show as "(secret changed)".
     */
    public record Change(String section, String key, String name, String previousValue, String newValue,
                         String source, String operationKey, String changedBy, Instant changedAt) {
    }
}
