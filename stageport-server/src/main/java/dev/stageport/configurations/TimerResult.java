package dev.stageport.configurations;

import java.util.List;

public record TimerResult(String key, String name, String description, List<GenericConfigResult> configs) {
}
