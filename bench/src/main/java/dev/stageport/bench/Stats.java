package dev.stageport.bench;

import java.util.Arrays;

/** Percentiles of a sample (nearest-rank). */
record Stats(int count, double p50, double p99, double max) {

    static Stats of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
