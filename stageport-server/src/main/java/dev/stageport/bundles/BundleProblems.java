package dev.stageport.bundles;

import java.util.List;

/**
 * A bundle was refused. Carries every problem found, each one sentence, so the
 * uploader can fix them all in one go instead of one per upload.
 */
public class BundleProblems extends RuntimeException {

    private final List<String> problems;

    public BundleProblems(List<String> problems) {
        super(summary(problems));
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

    private static String summary(List<String> problems) {
        return problems.size() == 1 ? "The bundle is not valid: " + problems.get(0)
                : "The bundle is not valid: " + problems.size() + " problems (see errors).";
    }
}
