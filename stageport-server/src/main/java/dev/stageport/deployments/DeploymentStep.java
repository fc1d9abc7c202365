package dev.stageport.deployments;

import dev.stageport.work.Step;
import java.util.List;

/**
 * The step plan of deployment operations. Validate and ResolveConfiguration only
 * read; Provision and HealthCheck run next to what serves now (undone by discarding
 * the candidate); Activate is the traffic switch, and a switch cut short leaves the
 * runtime in an unknown state, so it is never run twice. HealthGate (a stage policy) watches
 * the new revision and switches back when it fails, so RetirePrevious must come after it.
 */
public enum DeploymentStep implements Step {
    Validate(false, true, true, "nothing to undo: it only reads"),
    ResolveConfiguration(false, true, true, "nothing to undo: it only reads"),
    /** Waits (snoozed) for the approvals the stage's policy requires; passes at once when it requires none. */
    AwaitApproval(false, true, true, "nothing to undo: it only waits"),
    Provision(true, true, true, "the candidate instance is stopped and removed"),
    HealthCheck(true, true, true, "the candidate instance is stopped and removed"),
    Activate(true, false, false, "not undone once it completed; cut short, the candidate is discarded"),
    HealthGate(true, false, true, "switch back: traffic returns to the previous revision, not yet retired"),
    RetirePrevious(true, false, true, "not undone: the new revision serves"),
    Undeploy(true, false, true, "not undone: stopping again is harmless"),
    Record(false, false, true, "one transaction with the terminal status");

    /** Deploy and ApplyConfigs (which deploys the running build with the new configuration). */
    public static final List<DeploymentStep> DEPLOY = List.of(Validate, ResolveConfiguration, AwaitApproval,
            Provision, HealthCheck, Activate, HealthGate, RetirePrevious, Record);
    public static final List<DeploymentStep> UNDEPLOY = List.of(Validate, Undeploy, Record);

    private final boolean effect;
    private final boolean beforeSwitch;
    private final boolean rerunnable;
    private final String undo;

    DeploymentStep(boolean effect, boolean beforeSwitch, boolean rerunnable, String undo) {
        this.effect = effect;
        this.beforeSwitch = beforeSwitch;
        this.rerunnable = rerunnable;
        this.undo = undo;
    }

    @Override
    public boolean effect() {
        return effect;
    }

    @Override
    public boolean beforeSwitch() {
        return beforeSwitch;
    }

    @Override
    public boolean rerunnable() {
        return rerunnable;
    }

    @Override
    public String undo() {
        return undo;
    }
}
