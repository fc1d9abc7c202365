package dev.stageport.runtime;

import dev.stageport.portfolio.Stage;
import java.util.List;
import java.util.Optional;

/**
 * The runtime SPI: how a stage actually runs an app. The engine calls these in
 * order (provision, healthCheck, activate, retire for a Deploy, and for ApplyConfigs
 * with the running build and the new configuration) and treats a
 * {@link RuntimeFailure} as a failed step. Drivers must leave what ran before
 * untouched until {@link #activate} succeeds, so a failure before it costs no downtime.
 */
public interface Runtime {

    /** The value of Stage.runtimeDriver() this driver serves. */
    String driver();

    /** Prepares the new revision next to the running one, not yet serving traffic. */
    void provision(RuntimeContext context);

    /** Verifies the provisioned instance is healthy. */
    void healthCheck(RuntimeContext context);

    /** Switches traffic to the new instance. */
    void activate(RuntimeContext context);

    /**
     * Asked when a crash cut {@link #activate} short: whether this operation's switch took
     * effect. True: it did, and is not repeated. False: it never reached the runtime, so it
     * runs now. Empty (the default): the driver cannot tell, and the operation is rolled back.
     */
    default Optional<Boolean> switched(RuntimeContext candidate) {
        return Optional.empty();
    }

    /**
     * True when all this driver does is rows of Stageport's own database, written with the step's
     * boundary (the simulated runtime). A killed server then loses an effect together with its
     * recorded progress, so the engine need not make each boundary durable before it goes on
     * (docs/engine.md, "Durability"). Drivers that start processes or call a cluster keep the default.
     */
    default boolean effectsAreDatabaseRows() {
        return false;
    }

    /** Stops the instance that served before the switch. */
    void retire(RuntimeContext context);

    /**
     * Stops and removes the candidate this operation provisioned, if one is left (the
     * operation failed, was cancelled or ran out of time before or during the switch).
     * What ran before keeps serving. Must be harmless when there is no candidate.
     */
    default void discard(RuntimeContext context) {
    }

    /**
     * One probe of the instance that serves since the switch, for a stage's health gate: empty
     * when healthy, otherwise what failed. {@code path} is the policy's HTTP path (null: the app's
     * own health path); drivers without HTTP access judge health their own way.
     */
    default Optional<String> probe(RuntimeContext active, String path) {
        return Optional.empty();
    }

    /**
     * After a failed health gate: sends traffic back to {@code previous} (not yet retired) and
     * stops the instance of {@code failed}. With {@code previous} null nothing ran before, so the
     * failed instance is stopped and the asset is no longer served.
     */
    default void switchBack(RuntimeContext failed, RuntimeContext previous) {
        throw new RuntimeFailure("The " + driver() + " driver cannot switch back to the previous revision.");
    }

    /** Stops and removes the asset from the stage. */
    void undeploy(RuntimeContext context);

    /**
     * Checks a stage's runtime settings JSON before it is saved.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    default void validateSettings(String settingsJson) {
    }

    /** The state of the asset's active instance in the stage. */
    default InstanceStatus status(Stage stage, String assetKey) {
        return InstanceStatus.notDeployed();
    }

    /** The last {@code maxLines} log lines of the asset's active instance, oldest first. */
    default List<String> logs(Stage stage, String assetKey, int maxLines) {
        return List.of();
    }
}
