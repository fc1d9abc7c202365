package dev.stageport.configurations;

/** Body of POST .../configurations/restore: the operation whose applied configuration to bring back. */
public record RestoreRequest(String operationKey) {
}
