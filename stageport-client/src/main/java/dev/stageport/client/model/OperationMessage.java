package dev.stageport.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** One message of a deployment operation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationMessage(Instant timestamp, String type, String severity, String message,
                               AdditionalInfo additionalInfo) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AdditionalInfo(String stepId, String assetKey) {
    }

    public String stepId() {
        return additionalInfo == null ? null : additionalInfo.stepId();
    }
}
