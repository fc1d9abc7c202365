package dev.stageport.work;

/** Another worker took the operation over (our lease expired or a heartbeat failed): touch nothing more. */
public final class LeaseLost extends RuntimeException {

    public LeaseLost(String key) {
        super("Lost the claim on operation " + key + ".", null, false, false);
    }
}
