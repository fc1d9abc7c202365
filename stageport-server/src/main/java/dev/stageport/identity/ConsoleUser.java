package dev.stageport.identity;

import java.time.Instant;

/**
 * A person who signs in to the web console. {@code passwordHash} is null for someone who
 * signs in only through single sign-on. Grants are per stage, like an {@link ApiClient}'s.
 */
public record ConsoleUser(String username, String displayName, String passwordHash, Status status,
                          Instant createdAt) {

    public enum Status { ACTIVE, SUSPENDED }

    /** The identity a console user acts as: kept apart from API client ids in audit and "deployed by". */
    public static String callerId(String username) {
        return "user:" + username;
    }
}
