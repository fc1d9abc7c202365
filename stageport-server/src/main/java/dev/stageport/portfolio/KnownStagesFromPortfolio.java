package dev.stageport.portfolio;

import dev.stageport.identity.KnownStages;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The stages identity may grant permissions on (those in the stage table), and their names. */
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

    @Override
    public Optional<String> name(String stageKey) {
        return stages.find(stageKey).map(Stage::name);
    }
}
