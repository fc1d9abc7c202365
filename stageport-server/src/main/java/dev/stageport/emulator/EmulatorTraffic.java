package dev.stageport.emulator;

import dev.stageport.StageportProperties;
import dev.stageport.errors.ApiException;
import dev.stageport.startup.StartupProblem;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Ties the in-memory half of the emulator (fault rules, journal, clock) to its stored state:
 * at start and after each reset or restore, the fault rules are the seed's {@code faults:}
 * again and the journal starts empty; once start-up has applied the seed, the clock cannot
 * be moved back before that time.
 */
@Component
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
class EmulatorTraffic {

    private final FaultRules faults;
    private final RequestJournal journal;
    private final SeededFaults seeded;
    private final VirtualClock clock;
    private final ObjectMapper json;
    private final StageportProperties properties;

    EmulatorTraffic(FaultRules faults, RequestJournal journal, SeededFaults seeded, VirtualClock clock,
                    ObjectMapper json, StageportProperties properties) {
        this.faults = faults;
        this.journal = journal;
        this.seeded = seeded;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
    }

    /** At the end of start-up: the seeded rules take effect; a rule the fault feature refuses stops the start. */
    void started() {
        try {
            startOver();
        } catch (ApiException | JacksonException e) {
            throw new StartupProblem("stageport: seed " + properties.emulator().seed() + ": a rule under faults: "
                    + "is not valid: " + e.getMessage());
        }
        clock.notBefore(clock.instant());
    }

    /** After a reset or restore: no rule but the seed's, nothing journaled. */
    void startOver() {
        faults.clear();
        journal.clear();
        List<String> rules = seeded.all();
        for (String rule : rules) {
            faults.add(json.readValue(rule, FaultSpec.class));
        }
    }
}
