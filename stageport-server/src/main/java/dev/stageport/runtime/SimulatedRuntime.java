package dev.stageport.runtime;

import dev.stageport.portfolio.Stage;
import dev.stageport.work.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs nothing: each step just takes its configured time on the server's clock (the
 * steps of one operation back to back, see {@link StepSchedule}) and fails where a
 * failure was injected. Lets a pipeline be built and tested offline, including
 * its error paths. Settings come, most specific first, from the asset's row in
 * runtime_simulation, the stage-wide row, then the stage's runtimeSettings JSON.
 */
@Component
public class SimulatedRuntime implements Runtime {

    public static final String DRIVER = "simulated";

    public static final String PROVISION = "Provision";
    public static final String HEALTH_CHECK = "HealthCheck";
    public static final String ACTIVATE = "Activate";
    public static final String RETIRE_PREVIOUS = "RetirePrevious";
    public static final String UNDEPLOY = "Undeploy";
    /** A probe of the health gate; failStep HealthGate makes every probe fail. */
    public static final String HEALTH_GATE = "HealthGate";
    public static final String SWITCH_BACK = "SwitchBack";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulationRepository simulations;
    private final SimulatedCallRepository calls;
    private final ReplicaIdentity replica;
    private final Clock clock;
    private final StepSchedule schedule = new StepSchedule();

    public SimulatedRuntime(SimulationRepository simulations, SimulatedCallRepository calls, ReplicaIdentity replica,
                            Clock clock) {
        this.simulations = simulations;
        this.calls = calls;
        this.replica = replica;
        this.clock = clock;
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    /** The settings in force for the asset in the stage, after the per-asset and per-stage overrides. */
    public SimulationSettings effective(Stage stage, String assetKey) {
        return simulations.findForAsset(stage.key(), assetKey)
                .orElseGet(() -> new SimulationSettings(stageStepMillis(stage), null, null));
    }

    /** Only {@code stepMillis} (0..60000) is known; anything else is refused so a typo is not silently ignored. */
    @Override
    public void validateSettings(String settingsJson) {
        JsonNode node;
        try {
            node = JSON.readTree(settingsJson == null || settingsJson.isBlank() ? "{}" : settingsJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the settings are not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the settings must be a JSON object.");
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("stepMillis")) {
                throw new IllegalArgumentException("unknown setting '" + name + "' (known: [stepMillis]).");
            }
        }
        JsonNode millis = node.get("stepMillis");
        if (millis != null && (!millis.isIntegralNumber() || millis.asLong() < 0
                || millis.asLong() > SimulationSettings.MAX_STEP_MILLIS)) {
            throw new IllegalArgumentException("'stepMillis' must be a whole number from 0 to "
                    + SimulationSettings.MAX_STEP_MILLIS + ", got " + millis + ".");
        }
    }

    @Override
    public void provision(RuntimeContext context) {
        step(context, PROVISION);
    }

    /** Its calls are rows written with the step's boundary ({@link #count}), and nothing else happens. */
    @Override
    public boolean effectsAreDatabaseRows() {
        return true;
    }

    @Override
    public void healthCheck(RuntimeContext context) {
        step(context, HEALTH_CHECK);
    }

    @Override
    public void activate(RuntimeContext context) {
        step(context, ACTIVATE);
    }

    /**
     * The simulated switch takes effect when its call arrives (the step's duration follows), so
     * the durable call record tells. With a failure injected into Activate a call that arrived
     * need not have switched: then the state after a crash is unknown.
     */
    @Override
    public Optional<Boolean> switched(RuntimeContext candidate) {
        if (ACTIVATE.equals(effective(candidate.stage(), candidate.assetKey()).failStep())) {
            return Optional.empty();
        }
        return Optional.of(calls(candidate.operationKey(), ACTIVATE) > 0);
    }

    @Override
    public void retire(RuntimeContext context) {
        step(context, RETIRE_PREVIOUS);
    }

    @Override
    public Optional<String> probe(RuntimeContext active, String path) {
        count(active, HEALTH_GATE);
        SimulationSettings settings = effective(active.stage(), active.assetKey());
        if (!HEALTH_GATE.equals(settings.failStep())) {
            return Optional.empty();
        }
        return Optional.of(settings.failMessage() == null || settings.failMessage().isBlank()
                ? "Simulated failure of the health gate probe." : settings.failMessage());
    }

    @Override
    public void switchBack(RuntimeContext failed, RuntimeContext previous) {
        count(failed, SWITCH_BACK);
    }

    @Override
    public void discard(RuntimeContext context) {
        count(context, "Discard");
    }

    /**
     * How often a step reached the runtime for an operation, on any replica: tests prove nothing
     * ran twice. Counted from the durable record, so calls before a crash count too.
     */
    public int calls(String operationKey, String step) {
        return calls.count(operationKey, step);
    }

    /**
     * The simulated runtime is its record: a call has arrived once its row is committed, which is in
     * the transaction of the step's boundary (or before the step waits), not one of its own.
     */
    private void count(RuntimeContext context, String step) {
        Instant at = clock.instant();
        Lease.atStepEnd(() -> calls.record(context.operationKey(), step, replica.id(), at));
    }

    @Override
    public void undeploy(RuntimeContext context) {
        step(context, UNDEPLOY);
    }

    private void step(RuntimeContext context, String step) {
        SimulationSettings settings = effective(context.stage(), context.assetKey());
        // planned before the call is counted: a test that waits for the count may then move the clock
        Duration length = Duration.ofMillis(settings.stepMillis() == null ? 0 : settings.stepMillis());
        Instant until = schedule.next(context.operationKey(), clock.instant(), length);
        count(context, step);
        // never longer than the step itself, also when the clock stands still (tests that set it by hand)
        Duration left = Duration.between(clock.instant(), until);
        sleep(left.compareTo(length) > 0 ? length : left);
        if (step.equals(settings.failStep())) {
            String message = settings.failMessage() == null || settings.failMessage().isBlank()
                    ? "Simulated failure in step " + step + "." : settings.failMessage();
            throw new RuntimeFailure(message);
        }
    }

    private static void sleep(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        // a cancel or a passed deadline ends the wait at once; so does the server stopping. The
        // interrupt flag is not restored on purpose: the worker must still write to the database
        // (an interrupted thread can make the embedded database close its files).
        if (!Lease.pause(wait)) {
            throw new RuntimeFailure("The step was cut short: the operation was stopped while it ran.");
        }
    }

    private static int stageStepMillis(Stage stage) {
        try {
            JsonNode node = JSON.readTree(stage.runtimeSettings() == null ? "{}" : stage.runtimeSettings());
            JsonNode millis = node.get("stepMillis");
            return millis != null && millis.canConvertToInt() ? Math.max(0, millis.asInt()) : 0;
        } catch (JacksonException e) {
            return 0;
        }
    }
}
