package dev.stageport.emulator;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A fault rule as listed: its key and kind, the rule with its defaults filled in (the fields
 * of a {@link FaultSpec}), when it was added, and how often it matched and fired.
 */
public record FaultRuleResponse(String key, String kind, @JsonUnwrapped FaultSpec rule, String createdAt,
                                int matched, int fired) {

    static FaultRuleResponse of(FaultRules.Counted counted) {
        FaultRule r = counted.rule();
        return new FaultRuleResponse(r.key(), r.kind().name(), r.spec(), r.createdAt().toString(),
                counted.matched(), counted.fired());
    }
}
