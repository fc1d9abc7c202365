package dev.stageport.emulator;

import dev.stageport.StageportProperties;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.startup.StartupProblem;
import org.springframework.stereotype.Component;

/**
 * The emulator switch ({@code STAGEPORT_EMULATOR=on|off}, default off) and its permission.
 * The emulator's controllers exist only when it is on ({@link #PROPERTY}), so with it off
 * every {@code /api/stageport/v1/emulator/**} path answers 404 like any unknown path;
 * when on, each call needs {@link #PERMISSION} on every stage.
 */
@Component
public class EmulatorMode {

    /** For {@code @ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = "on")}. */
    public static final String PROPERTY = "stageport.emulator.mode";
    public static final String ON = "on";
    public static final Permission PERMISSION = Permission.EMULATOR_CONTROL;

    private final boolean on;

    public EmulatorMode(StageportProperties properties) {
        String mode = properties.emulator().mode().strip().toLowerCase();
        if (!mode.equals("on") && !mode.equals("off")) {
            throw new StartupProblem("STAGEPORT_EMULATOR='" + properties.emulator().mode()
                    + "' is not a valid value for stageport.emulator.mode: expected on or off.");
        }
        this.on = mode.equals("on");
    }

    public boolean on() {
        return on;
    }

    /** 404 when the emulator is off (as if the endpoint did not exist), 403 without Emulator > Control. */
    public void require(Caller caller) {
        if (!on) {
            throw new ApiException(ErrorCode.NOT_FOUND, "The emulator is off; start Stageport with "
                    + "STAGEPORT_EMULATOR=on to use it.");
        }
        caller.require(PERMISSION, Caller.EVERY_STAGE);
    }
}
