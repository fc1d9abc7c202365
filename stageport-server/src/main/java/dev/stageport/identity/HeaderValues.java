package dev.stageport.identity;

import java.util.function.Predicate;

/**
 * The header values Spring Security's StrictHttpFirewall accepts by default
 * (assigned code points that are not control characters; values may hold a tab), tested without its
 * regular expression. The firewall checks a header on every read, and a bearer
 * token is read several times per request: with the regex that check was the
 * largest single cost of a status poll (see docs/benchmarks.md). Same rule,
 * one loop, and printable ASCII decided by a range check.
 */
final class HeaderValues implements Predicate<String> {

    /** Header values: a tab is allowed. */
    static final HeaderValues VALUES = new HeaderValues(true);
    /** Header names: no tab. */
    static final HeaderValues NAMES = new HeaderValues(false);

    private final boolean allowTab;

    private HeaderValues(boolean allowTab) {
        this.allowTab = allowTab;
    }

    @Override
    public boolean test(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if ((c < 0x20 || c >= 0x7f) && !(allowTab && c == '\t')) {
                if (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED) {
                    return false;
                }
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
