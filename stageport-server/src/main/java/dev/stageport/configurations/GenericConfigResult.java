package dev.stageport.configurations;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stageport.configschema.DataType;
import java.time.Instant;

/** One setting or timer config as GET .../configurations shows it; absent values are left out. */
public record GenericConfigResult(
        String key,
        String name,
        String description,
        DataType dataType,
        String defaultValue,
        String deployedValue,
        String value,
        Origin valueOrigin,
        Origin deployedValueOrigin,
        @JsonProperty("isSecret") boolean isSecret,
        Boolean valueSetAfterDeploy,
        Instant updatedAt,
        String filename) {
}
