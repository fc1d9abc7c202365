package dev.stageport.assets;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release tag: MAJOR.MINOR.PATCH, plain numbers without leading zeros, as the
 * asset repository requires. Ordered numerically, so 1.10.0 is above 1.9.0.
 */
public record SemVer(long major, long minor, long patch) implements Comparable<SemVer> {

    private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    private static final Comparator<SemVer> ORDER = Comparator.comparingLong(SemVer::major)
            .thenComparingLong(SemVer::minor).thenComparingLong(SemVer::patch);

    public static Optional<SemVer> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3))));
    }

    @Override
    public int compareTo(SemVer other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
