package dev.stageport.runtime.process;

import dev.stageport.startup.StartupProblem;
import java.util.Locale;

/**
 * {@code STAGEPORT_STOP_APPS_ON_EXIT}: whether a clean stop of the server also stops the apps
 * and routers of its process stages (default off: they keep serving, docs/runtimes.md).
 */
final class StopAppsOnExit {

    private StopAppsOnExit() {
    }

    /** On or off; anything else stops the start with one line. */
    static boolean parse(String value) {
        String mode = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("on") && !mode.equals("off")) {
            throw new StartupProblem("STAGEPORT_STOP_APPS_ON_EXIT='" + value + "' is not a valid value for "
                    + "stageport.stop-apps-on-exit: expected on or off.");
        }
        return mode.equals("on");
    }
}
