package dev.stageport.work;

/**
 * One step of a feature's step plan (an enum implements this). The engine records
 * each step as started and as completed; after a crash it resumes after the last
 * completed one, which is only safe when the step that was in progress can be run
 * again ({@link #rerunnable()}); otherwise the operation is undone and ends with an error.
 */
public interface Step {

    /** The stepId shown in messages and stored as current_step. */
    String name();

    /** True for steps before the traffic switch: undoing them leaves what ran before serving. */
    boolean beforeSwitch();

    /** True when the step changes something outside the operation's record (the runtime); false for reads. */
    boolean effect();

    /** True when running the step again after it was cut short cannot do anything twice. */
    boolean rerunnable();

    /** How the step is undone when the operation fails, is cancelled or runs out of time. */
    String undo();
}
