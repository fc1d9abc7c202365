package dev.stageport.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A deployment operation (the Deployments API's DeploymentOperationResponse). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentOperation(String key, String operation, String status, String assetKey, String assetName,
                                  List<Integer> revisions, String buildKey, String deployedBy,
                                  Instant startedDateTime, Instant finishedDateTime) {

    public boolean ended() {
        return status != null && !"Running".equals(status);
    }
}
