package dev.stageport.configurations;

import java.util.List;

/**
 * What GET /api/stageport/v1/applications/{applicationKey}/configuration-diff answers: every item
 * whose effective value or origin differs between two stages (Stageport's own shape).
 */
public record ConfigurationDiff(String applicationKey, String from, String to, boolean deployed, List<Item> items) {

    /** {@code from}/{@code to} are left out where the item does not exist in that stage's revision. */
    public record Item(String section, String key, String name, Side from, Side to) {
    }

    /** A secret's value is never shown: "(differs)" or the mask when both stages hold the same one. */
    public record Side(String value, String origin, boolean pending) {
    }
}
