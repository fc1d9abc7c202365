package dev.stageport.emulator;

import java.util.List;

/** Every fault rule, oldest first (the order in which they are tried). */
public record FaultRuleListResponse(List<FaultRuleResponse> results) {
}
