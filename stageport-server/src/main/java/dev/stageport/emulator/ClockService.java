package dev.stageport.emulator;

import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.work.OperationEngine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * Moves the virtual clock. The engine renews its leases for the new time before the jump
 * (so no running operation looks abandoned) and wakes waiting steps after it (so a
 * simulated step whose time has now passed ends at once).
 */
@Service
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class ClockService {

    /** What the clock shows now, where it started and how far it was moved. */
    public record ClockState(Instant now, Instant startedAt, Duration offset) {
    }

    /** About a hundred years: far enough for any expiry, near enough that no date arithmetic overflows. */
    static final Duration LONGEST_MOVE = Duration.ofDays(36_500);

    private final VirtualClock clock;
    private final OperationEngine engine;

    public ClockService(VirtualClock clock, OperationEngine engine) {
        this.clock = clock;
        this.engine = engine;
    }

    public ClockState state(Caller caller) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        return state();
    }

    public ClockState advance(Caller caller, Duration by) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        Instant now = clock.instant();
        if (by.abs().compareTo(LONGEST_MOVE) > 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "'advance' may move the clock by at most "
                    + LONGEST_MOVE.toDays() + " days, got " + by + ".");
        }
        return moveTo(now.plus(by), "advance");
    }

    public ClockState set(Caller caller, Instant at) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        if (Duration.between(clock.instant(), at).abs().compareTo(LONGEST_MOVE) > 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "'set' must be within " + LONGEST_MOVE.toDays()
                    + " days of the clock's time " + clock.instant() + ", got " + at + ".");
        }
        return moveTo(at, "set");
    }

    private synchronized ClockState moveTo(Instant target, String field) {
        if (target.isBefore(clock.startedAt())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + field + "' would move the clock to " + target
                    + ", before " + clock.startedAt() + " when the emulator started with its seed; it cannot go back further.");
        }
        engine.clockMoving(target);
        clock.moveTo(target);
        engine.clockMoved();
        return state();
    }

    private ClockState state() {
        return new ClockState(clock.instant(), clock.startedAt(), clock.offset());
    }
}
