package dev.stageport.identity;

import java.time.Instant;

/** An API client: a machine identity that gets tokens with client credentials. */
public record ApiClient(
        String clientId,
        String name,
        String description,
        String secretHash,
        Instant secretExpiresAt,
        Status status,
        Instant createdAt) {

    public enum Status { ACTIVE, SUSPENDED }

    public boolean canAuthenticate(Instant now) {
        return status == Status.ACTIVE && now.isBefore(secretExpiresAt);
    }
}
