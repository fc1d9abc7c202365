package dev.stageport.identity.api;

import java.time.Instant;

/** Optional body of the regenerate-secret call. */
public record SecretRequest(Instant secretExpiresAt) {
}
