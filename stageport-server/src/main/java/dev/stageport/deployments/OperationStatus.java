package dev.stageport.deployments;

import dev.stageport.work.Transitions;

/** The ODC Status enum of a deployment operation. */
public enum OperationStatus {
    Running, FinishedWithError, Finished;

    /** The transition table of deployment operations: Running ends once, either way. */
    public static final Transitions<OperationStatus> TRANSITIONS = Transitions.of("deployment operation",
            OperationStatus.class).allow(Running, Finished, FinishedWithError);

    public boolean terminal() {
        return this != Running;
    }
}
