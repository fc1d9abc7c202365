package dev.stageport.deployments;

/** The ODC Status enum of a deployment operation. */
public enum OperationStatus {
    Running, FinishedWithError, Finished;

    public boolean terminal() {
        return this != Running;
    }
}
