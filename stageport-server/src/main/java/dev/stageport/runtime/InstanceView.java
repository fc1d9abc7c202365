package dev.stageport.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The Stageport extension's answer for an asset's instance in a stage (absent fields are left out). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstanceView(String environmentKey, String assetKey, String driver, String state, Integer revision,
                           String url, int restarts, Instant since, String detail) {

    static InstanceView of(String environmentKey, String assetKey, String driver, InstanceStatus status) {
        return new InstanceView(environmentKey, assetKey, driver, status.state().name(), status.revision(),
                status.url(), status.restarts(), status.since(), status.detail());
    }
}
