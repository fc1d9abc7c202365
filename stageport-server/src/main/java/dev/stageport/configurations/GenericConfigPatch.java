package dev.stageport.configurations;

/** One value to change: a setting, or one config of a timer. {@code filename} is for BinaryUrl values. */
public record GenericConfigPatch(String key, String value, String filename) {
}
