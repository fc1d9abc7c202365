package dev.stageport.runtime;

import java.util.Set;

/**
 * How the simulated runtime behaves for a stage or one asset in it: each step
 * takes {@code stepMillis}; the step named {@code failStep} (if any) fails with {@code failMessage}.
 * Also the body of the simulation admin endpoints.
 */
public record SimulationSettings(Integer stepMillis, String failStep, String failMessage) {

    /** The runtime steps a failure can be injected into. */
    public static final Set<String> STEPS = Set.of(
            SimulatedRuntime.PROVISION, SimulatedRuntime.HEALTH_CHECK, SimulatedRuntime.ACTIVATE,
            SimulatedRuntime.RETIRE_PREVIOUS, SimulatedRuntime.UNDEPLOY,
            SimulatedRuntime.HEALTH_GATE);

    /** An hour a step: with the emulator's virtual clock a long simulated deploy still ends in real milliseconds. */
    public static final int MAX_STEP_MILLIS = 3_600_000;
}
