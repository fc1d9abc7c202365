package dev.stageport.emulator;

/**
 * A fault rule as asked for, over HTTP or from a scenario seed. Three kinds: an HTTP fault
 * ({@code method}, {@code path}, {@code status} and/or {@code delayMillis}), an operation fault
 * ({@code operation}, {@code failAtStep}) and a build fault ({@code buildFails}). {@code times},
 * {@code after} and {@code probability} count matching calls (or operations) for every kind.
 */
public record FaultSpec(
        String method,
        String path,
        Integer status,
        Integer retryAfterSeconds,
        Integer delayMillis,
        Integer times,
        Integer after,
        Double probability,
        String operation,
        String environmentKey,
        String assetKey,
        String failAtStep,
        String message,
        Boolean buildFails) {
}
