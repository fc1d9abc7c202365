package dev.stageport.publish;

import dev.stageport.work.Step;

/**
 * The step plan of publish operations: two waiting steps. Build waits for the Release
 * build (and records the Deploy once it finished); Deploy waits for that operation.
 * Waiting is a snooze on the queue, so any replica may take the next look.
 */
public enum PublishStep implements Step {
    Build("nothing to undo: the build is shared and keeps its own record"),
    Deploy("the Deploy operation it started is cancelled too and undoes its own steps");

    private final String undo;

    PublishStep(String undo) {
        this.undo = undo;
    }

    @Override
    public boolean effect() {
        return this == Deploy;
    }

    @Override
    public boolean beforeSwitch() {
        return true;
    }

    @Override
    public boolean rerunnable() {
        return true;
    }

    @Override
    public String undo() {
        return undo;
    }
}
