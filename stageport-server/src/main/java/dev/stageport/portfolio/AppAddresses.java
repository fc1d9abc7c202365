package dev.stageport.portfolio;

import java.util.Optional;

/**
 * Where an asset's app answers in a stage, as the stage's runtime knows it. A port so the
 * portfolio views can show the real address without depending on any runtime driver.
 */
public interface AppAddresses {

    /** Empty when the runtime does not know one (simulated, not running on this replica, unreachable). */
    Optional<String> addressOf(Stage stage, String assetKey);
}
