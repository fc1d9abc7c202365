package dev.stageport.emulator;

import dev.stageport.identity.Caller;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The emulator's fault rules: add (201 with the key), list with counts, delete one or all. */
@RestController
@RequestMapping("/api/stageport/v1/emulator/faults")
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class FaultController {

    private final FaultRules rules;

    public FaultController(FaultRules rules) {
        this.rules = rules;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FaultRuleResponse add(Caller caller, @RequestBody FaultSpec spec) {
        return FaultRuleResponse.of(new FaultRules.Counted(rules.add(caller, spec), 0, 0));
    }

    @GetMapping
    FaultRuleListResponse list(Caller caller) {
        return new FaultRuleListResponse(rules.list(caller).stream().map(FaultRuleResponse::of).toList());
    }

    @DeleteMapping("/{faultKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String faultKey) {
        rules.delete(caller, faultKey);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAll(Caller caller) {
        rules.deleteAll(caller);
    }
}
