package dev.stageport.builds;

import dev.stageport.work.Step;
import java.util.List;

/**
 * The step plan of builds. A build is a pure function of its inputs and its artifact
 * is stored by digest, so every step may run again: a resumed build repeats them,
 * and nothing needs undoing (an unreferenced artifact is just an unused blob).
 */
public enum BuildStep implements Step {
    Validate, ResolveLibraries, Package, Record;

    public static final List<BuildStep> PLAN = List.of(values());

    @Override
    public boolean effect() {
        return false;
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
        return "nothing to undo: the artifact is content-addressed and only recorded in the last step";
    }
}
