package dev.stageport.configurations;

import java.util.Optional;

/**
 * The deployment operations that apply configuration, as configuration history needs them;
 * deployments, which owns the operations, provides it (configurations reads no operation table).
 */
public interface ApplyingOperations {

    /** The operation with this key, if there is one. */
    Optional<Applying> find(String operationKey);

    /** The one operation running for the asset in the stage, if one is. */
    Optional<Applying> active(String environmentKey, String assetKey);

    /** An operation and the configuration snapshot it applied (null until it recorded one). */
    record Applying(String key, String operation, String environmentKey, String assetKey, Integer revision,
                    String deployedBy, String appliedConfig) {
    }
}
