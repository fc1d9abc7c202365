package dev.stageport.emulator;

import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.identity.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The emulator's virtual clock: GET shows it, POST moves it. */
@RestController
@RequestMapping("/api/stageport/v1/emulator/clock")
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class ClockController {

    private final ClockService clock;

    public ClockController(ClockService clock) {
        this.clock = clock;
    }

    @GetMapping
    ClockResponse show(Caller caller) {
        return ClockResponse.of(clock.state(caller));
    }

    @PostMapping
    ClockResponse move(Caller caller, @RequestBody ClockRequest request) {
        if ((request.advance() == null) == (request.set() == null)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    "Give exactly one of 'advance' (an ISO-8601 duration such as PT13H) or 'set' (an RFC 3339 time).");
        }
        if (request.advance() != null) {
            return ClockResponse.of(clock.advance(caller, duration(request.advance())));
        }
        return ClockResponse.of(clock.set(caller, instant(request.set())));
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    "'advance' must be an ISO-8601 duration such as PT13H or P90D, got '" + abbreviate(text) + "'.");
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    "'set' must be an RFC 3339 date-time such as 2027-01-01T00:00:00Z, got '" + abbreviate(text) + "'.");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
