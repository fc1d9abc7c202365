package dev.stageport.identity;

/**
 * Whether a stage key names a stage, so a grant can be checked before it is saved;
 * portfolio, which owns the stages, provides it (identity knows no stage table).
 */
public interface KnownStages {

    boolean exists(String stageKey);
}
