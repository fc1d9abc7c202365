package dev.stageport.console;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;

/** The person looking at a console page: who they are and what they may do (a console controller parameter). */
public record Viewer(String username, Caller caller) {

    /** May see the audit log and manage API clients and console users (tenant-wide). */
    public boolean manager() {
        return caller.can(Permission.MANAGE_API_CLIENTS, Caller.EVERY_STAGE);
    }
}
