package dev.stageport.bundles;

import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How to run a built app, taken from its bundle manifest at build time: the
 * command (run from the unpacked artifact's root), the environment variable
 * that tells the app which port to listen on, and the path answering health checks.
 */
public record RunSpec(List<String> command, String portVariable, String healthPath) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public RunSpec {
        command = command == null ? List.of() : List.copyOf(command);
        portVariable = portVariable == null || portVariable.isBlank() ? "PORT" : portVariable;
        healthPath = healthPath == null || healthPath.isBlank() ? "/health" : healthPath;
    }

    public static RunSpec parse(String json) {
        return JSON.readValue(json, RunSpec.class);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }
}
