package dev.stageport.bundles;

import java.util.List;
import java.util.Optional;

/**
 * A bundle was refused. Carries every problem found, each one sentence, so the
 * uploader can fix them all in one go instead of one per upload.
 */
public class BundleProblems extends RuntimeException {

    private final List<String> problems;
    private final transient Bundle partial;

    public BundleProblems(List<String> problems) {
        this(problems, null);
    }

    /** {@code partial}: what could be read of a bundle whose manifest parsed, to check further (e.g. libraries). */
    public BundleProblems(List<String> problems, Bundle partial) {
        super(summary(problems));
        this.partial = partial;
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A refused bundle has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static BundleProblems of(String problem) {
        return new BundleProblems(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    public Optional<Bundle> partial() {
        return Optional.ofNullable(partial);
    }

    private static String summary(List<String> problems) {
        return problems.size() == 1 ? "The bundle is not valid: " + problems.get(0)
                : "The bundle is not valid: " + problems.size() + " problems (see errors).";
    }
}
