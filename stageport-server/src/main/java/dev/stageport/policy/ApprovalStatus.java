package dev.stageport.policy;

/** Where an approval stands; only Pending changes, and only by one conditional update. */
public enum ApprovalStatus {
    Pending, Approved, Rejected, Expired;

    public boolean decided() {
        return this != Pending;
    }
}
