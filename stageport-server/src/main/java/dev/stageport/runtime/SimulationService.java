package dev.stageport.runtime;

import dev.stageport.assets.AssetRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/** Rules of the simulation admin endpoints: who may tune a stage, and what values make sense. */
@Service
public class SimulationService {

    private final StageRepository stages;
    private final AssetRepository assets;
    private final SimulationRepository simulations;
    private final SimulatedRuntime runtime;
    private final Clock clock;

    public SimulationService(StageRepository stages, AssetRepository assets, SimulationRepository simulations,
                             SimulatedRuntime runtime, Clock clock) {
        this.stages = stages;
        this.assets = assets;
        this.simulations = simulations;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The settings in force for the stage (assetKey null) or for one asset in it. */
    public SimulationSettings get(Caller caller, String environmentKey, String assetKey) {
        Stage stage = stage(environmentKey);
        caller.require(Permission.STAGE_VIEW, stage.key());
        if (assetKey == null) {
            return runtime.effective(stage, SimulationRepository.STAGE_WIDE);
        }
        return runtime.effective(stage, asset(assetKey));
    }

    public void put(Caller caller, String environmentKey, String assetKey, SimulationSettings body) {
        Stage stage = stage(environmentKey);
        caller.require(Permission.DEPLOY_APPS, stage.key());
        String target = assetKey == null ? SimulationRepository.STAGE_WIDE : asset(assetKey);
        simulations.save(stage.key(), target, validate(body), clock.instant());
    }

    private static SimulationSettings validate(SimulationSettings body) {
        if (body == null || body.stepMillis() == null) {
            throw ApiException.badRequest("'stepMillis' is required.");
        }
        if (body.stepMillis() < 0 || body.stepMillis() > SimulationSettings.MAX_STEP_MILLIS) {
            throw ApiException.badRequest("'stepMillis' must be between 0 and " + SimulationSettings.MAX_STEP_MILLIS
                    + ", got " + body.stepMillis() + ".");
        }
        String failStep = body.failStep() == null || body.failStep().isBlank() ? null : body.failStep();
        if (failStep != null && !SimulationSettings.STEPS.contains(failStep)) {
            throw ApiException.badRequest("'failStep' must be null or one of " + new TreeSet<>(SimulationSettings.STEPS)
                    + ", got '" + failStep + "'.");
        }
        if (body.failMessage() != null && body.failMessage().length() > 1000) {
            throw ApiException.badRequest("'failMessage' must be at most 1000 characters.");
        }
        return new SimulationSettings(body.stepMillis(), failStep, failStep == null ? null : body.failMessage());
    }

    private Stage stage(String environmentKey) {
        String key = Keys.parse(environmentKey, "environmentKey").toString();
        return stages.find(key).orElseThrow(() -> ApiException.stageNotFound(key));
    }

    private String asset(String assetKey) {
        String key = Keys.parse(assetKey, "assetKey").toString();
        return assets.find(key).map(a -> a.key())
                .orElseThrow(() -> ApiException.notFound("No asset with key " + key + "."));
    }
}
