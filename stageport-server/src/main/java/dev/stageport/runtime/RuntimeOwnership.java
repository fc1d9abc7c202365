package dev.stageport.runtime;

import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.runtime.process.ProcessRuntime;
import dev.stageport.runtime.process.ProcessSettings;
import dev.stageport.work.Placement;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which replica may run a stage's runtime steps. Apps of a process-driver stage are child
 * processes of one server, so only the replica the stage names ({@code runtime.settings.replica})
 * runs its operations; the first replica that deploys to a stage without one becomes its replica,
 * recorded in the stage's settings with a conditional update. Every other driver runs anywhere.
 * The engine asks {@link #mayRun} before it claims an operation and leaves the others alone
 * (a Deployment's work item is placed on its stage).
 */
@Component
public class RuntimeOwnership implements Placement {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StageRepository stages;
    private final ReplicaIdentity replica;

    public RuntimeOwnership(StageRepository stages, ReplicaIdentity replica) {
        this.stages = stages;
        this.replica = replica;
    }

    /** True when this replica may run operations on the stage (an unknown stage is left to the engine's checks). */
    @Override
    public boolean mayRun(String environmentKey) {
        return stages.find(environmentKey).map(this::mayRun).orElse(true);
    }

    public boolean mayRun(Stage stage) {
        if (!ProcessRuntime.DRIVER.equals(stage.runtimeDriver())) {
            return true;
        }
        Optional<String> owner = ProcessSettings.replica(stage.runtimeSettings());
        if (owner.isPresent()) {
            return owner.get().equals(replica.id());
        }
        String claimed = withReplica(stage.runtimeSettings(), replica.id());
        if (stages.updateRuntimeSettingsIf(stage.key(), stage.runtimeDriver(), stage.runtimeSettings(), claimed)) {
            return true;
        }
        // another replica named itself first, or the settings changed meanwhile: decide on what is there now
        return stages.find(stage.key()).map(now -> !now.equals(stage) && mayRun(now)).orElse(false);
    }

    /**
     * One read of the stages: process stages that name another replica are not this replica's to
     * claim; every other stage's work runs here without a further read, except a process stage
     * that names no replica yet, which {@link #mayRun} takes with a conditional update.
     */
    @Override
    public View view() {
        Set<String> elsewhere = new java.util.HashSet<>();
        Set<String> here = new java.util.HashSet<>();
        for (Stage stage : stages.all()) {
            Optional<String> owner = ProcessRuntime.DRIVER.equals(stage.runtimeDriver())
                    ? ProcessSettings.replica(stage.runtimeSettings()) : Optional.of(replica.id());
            owner.ifPresent(id -> (id.equals(replica.id()) ? here : elsewhere).add(stage.key()));
        }
        return new View(Set.copyOf(elsewhere), Set.copyOf(here));
    }

    /**
     * New process settings that do not name a replica keep the one the stage has, so changing a
     * timeout does not hand the stage's running apps to whichever replica deploys next.
     */
    public JsonNode keepReplica(Stage stage, String driver, JsonNode settings) {
        if (!ProcessRuntime.DRIVER.equals(driver) || settings.has(ProcessSettings.REPLICA)
                || !ProcessRuntime.DRIVER.equals(stage.runtimeDriver())) {
            return settings;
        }
        return ProcessSettings.replica(stage.runtimeSettings())
                .<JsonNode>map(owner -> ((ObjectNode) settings.deepCopy()).put(ProcessSettings.REPLICA, owner))
                .orElse(settings);
    }

    private static String withReplica(String settingsJson, String id) {
        JsonNode root;
        try {
            root = settingsJson == null || settingsJson.isBlank() ? null : JSON.readTree(settingsJson);
        } catch (JacksonException e) {
            root = null; // saved settings are checked; a hand-edited row starts again from the defaults
        }
        ObjectNode settings = root instanceof ObjectNode object ? object : JSON.createObjectNode();
        settings.put(ProcessSettings.REPLICA, id);
        return JSON.writeValueAsString(settings);
    }
}
