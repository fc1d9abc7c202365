package dev.stageport.emulator;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code STAGEPORT_EMULATOR=on} (property {@code stageport.emulator}): the emulator's controls
 * exist. Off (the default) none of its beans is created, so every
 * /api/stageport/v1/emulator/** path answers the ordinary 404.
 */
@Component
public class EmulatorMode {

    public static final String PROPERTY = "stageport.emulator";
    public static final String ON = "on";

    private final boolean on;

    public EmulatorMode(Environment environment) {
        this.on = ON.equalsIgnoreCase(environment.getProperty(PROPERTY, "off").trim());
    }

    public boolean on() {
        return on;
    }
}
