package dev.stageport.web;

import dev.stageport.errors.ApiException;

/**
 * A validated limit/offset pair. Out-of-range values are refused with 400 rather
 * than clamped, so a pipeline learns about its mistake instead of missing rows.
 */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;

    public static Paging of(Integer limit, Integer offset) {
        return of(limit, offset, 100);
    }

    public static Paging of(Integer limit, Integer offset, int maxLimit) {
        int l = limit == null ? Math.min(DEFAULT_LIMIT, maxLimit) : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > maxLimit) {
            throw ApiException.badRequest("'limit' must be between 1 and " + maxLimit + ", got " + l + ".");
        }
        if (o < 0) {
            throw ApiException.badRequest("'offset' must be 0 or more, got " + o + ".");
        }
        return new Paging(l, o);
    }

    /** The offset of the next page, or null when {@code count} rows ended the list. */
    public Integer nextOffset(int count, boolean more) {
        return more ? offset + count : null;
    }

    /** A string offset (the messages lists page with one) as a number; 400 when it is not one. */
    public static Integer parseOffset(String offset) {
        if (offset == null || offset.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(offset.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'offset' must be the nextPageOffset of a previous page, got '" + offset
                    + "'.");
        }
    }
}
