package dev.stageport.configurations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What GET .../deployment-operations/{operationKey}/configuration answers: the snapshot, secrets masked. */
public record AppliedConfiguration(String operationKey, String operation, String environmentKey, String assetKey,
                                   Integer revision, List<Item> items) {

    /** One applied value by item path (see docs/configurations.md for the paths). */
    public record Item(String path, String value, String origin, @JsonProperty("isSecret") boolean isSecret,
                       String filename) {
    }
}
