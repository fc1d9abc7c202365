package dev.stageport.configurations;

import java.util.List;

/** The configs ({@code IsActive}, {@code Schedule}) to change on one timer. */
public record TimerPatch(String key, List<GenericConfigPatch> configs) {
}
