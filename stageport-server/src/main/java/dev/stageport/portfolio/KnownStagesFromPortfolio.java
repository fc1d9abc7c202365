package dev.stageport.portfolio;

import dev.stageport.identity.KnownStages;
import org.springframework.stereotype.Component;

/** The stages identity may grant permissions on: those in the stage table. */
@Component
class KnownStagesFromPortfolio implements KnownStages {

    private final StageRepository stages;

    KnownStagesFromPortfolio(StageRepository stages) {
        this.stages = stages;
    }

    @Override
    public boolean exists(String stageKey) {
        return stages.find(stageKey).isPresent();
    }
}
