package dev.stageport.identity;

import java.util.Optional;

/**
 * The stages identity may grant permissions on, and their names for refusals a person
 * reads; portfolio, which owns the stages, provides it (identity knows no stage table).
 */
public interface KnownStages {

    /** For callers made without a stage table (the demo, seeds): every stage is shown by its key. */
    KnownStages NONE = new KnownStages() {
        @Override
        public boolean exists(String stageKey) {
            return false;
        }

        @Override
        public Optional<String> name(String stageKey) {
            return Optional.empty();
        }
    };

    boolean exists(String stageKey);

    Optional<String> name(String stageKey);
}
