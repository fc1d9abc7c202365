package dev.stageport.work;

/** What a feature gives the engine: its kind, and how to run one claimed operation of it. */
public interface WorkHandler {

    /** The work_item kind this handler runs. */
    String kind();

    /** Runs the claimed operation until it ends, is snoozed, or the lease is lost. */
    void run(Lease lease);
}
