package dev.stageport.web;

import dev.stageport.errors.ApiException;
import java.util.UUID;

/** Keys are UUIDs on the wire; a malformed one is the caller's mistake (400), not a 404. */
public final class Keys {

    private Keys() {
    }

    public static UUID parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required.");
        }
        try {
            UUID uuid = UUID.fromString(value.trim());
            if (uuid.toString().equalsIgnoreCase(value.trim())) {
                return uuid;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to the one error message below
        }
        throw ApiException.badRequest("'" + field + "' must be a UUID, got '" + value + "'.");
    }
}
