package dev.stageport.runtime;

import java.time.Instant;

/**
 * What a runtime knows about an asset's instance in a stage right now.
 * {@code url} is where the app answers (null when it does not serve);
 * {@code restarts} counts crash restarts since the instance was activated.
 */
public record InstanceStatus(State state, Integer revision, String url, int restarts, Instant since, String detail) {

    public enum State { NotDeployed, Starting, Running, Restarting, Crashed, Stopped, Simulated }

    public static InstanceStatus notDeployed() {
        return new InstanceStatus(State.NotDeployed, null, null, 0, null, null);
    }
}
