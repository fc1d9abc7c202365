package dev.stageport.policy;

import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.errors.RetryLaterException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.web.Keys;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Freeze windows of a stage. Reading them needs Stage &gt; View stage; adding or removing one
 * needs Release management &gt; Deploy apps, like the rest of the stage policy. During a window
 * a Deploy, Undeploy or ApplyConfigs is refused unless its caller holds Release management &gt;
 * Override freeze on the stage and says why.
 */
@Service
public class FreezeWindowService {

    static final int MAX_NAME = 200;

    private final FreezeWindowRepository windows;
    private final StageRepository stages;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    public FreezeWindowService(FreezeWindowRepository windows, StageRepository stages,
                               ApplicationEventPublisher events, java.time.Clock clock) {
        this.windows = windows;
        this.stages = stages;
        this.events = events;
        this.clock = clock;
    }

    /** A freeze the caller overrode, for the operation's first message and the event. */
    public record Override(FreezeWindow window, FreezeWindow.Occurrence occurrence, String by, String reason) {
        public String message() {
            return "Freeze window '" + window.name() + "' (" + window.key() + ", until " + occurrence.end()
                    + ") overridden by " + by + ": " + reason;
        }
    }

    public FreezeWindowResponse create(Caller caller, String environmentKey, FreezeWindowRequest body) {
        Stage stage = stage(caller, environmentKey, Permission.DEPLOY_APPS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FreezeWindow window = validated(stage.key(), body, caller.clientId(), now);
        windows.insert(window);
        return FreezeWindowResponse.of(window, now);
    }

    /** @param at the time to show the windows as of (RFC 3339), or null for now */
    public FreezeWindowResponse.ListResponse list(Caller caller, String environmentKey, String at) {
        Stage stage = stage(caller, environmentKey, Permission.STAGE_VIEW);
        Instant now = at == null || at.isBlank() ? clock.instant() : time(at.replace(' ', '+'), "at");
        return new FreezeWindowResponse.ListResponse(windows.forStage(stage.key()).stream()
                .map(w -> FreezeWindowResponse.of(w, now)).toList());
    }

    public void delete(Caller caller, String environmentKey, String windowKey) {
        Stage stage = stage(caller, environmentKey, Permission.DEPLOY_APPS);
        String key = Keys.parse(windowKey, "windowKey").toString();
        if (!windows.delete(stage.key(), key)) {
            throw ApiException.notFound("No freeze window with key " + key + " on the stage " + stage.key() + ".");
        }
    }

    /**
     * Refuses an operation on a frozen stage (409 naming the window, retry at its end), or lets
     * it through with the override when the caller may override and gave a reason.
     *
     * @param caller null for operations started by the server itself (a publish), which cannot override
     */
    public Optional<Override> refuseIfFrozen(Caller caller, String envKey, String overrideReason, Instant now) {
        for (FreezeWindow window : windows.forStage(envKey)) {
            Optional<FreezeWindow.Occurrence> active = window.activeAt(now);
            if (active.isEmpty()) {
                continue;
            }
            FreezeWindow.Occurrence occurrence = active.get();
            if (overrideReason == null) {
                throw new RetryLaterException(ErrorCode.STAGE_FROZEN, "The stage " + envKey + " is frozen by the "
                        + "window '" + window.name() + "' (" + window.key() + ") from " + occurrence.start()
                        + " until " + occurrence.end() + "; retry then, or override with the header "
                        + "Stageport-Freeze-Override: <reason> and the permission '"
                        + Permission.OVERRIDE_FREEZE.label() + "'.",
                        (Duration.between(now, occurrence.end()).toMillis() + 999) / 1000);
            }
            if (overrideReason.isBlank()) {
                throw ApiException.badRequest("The header 'Stageport-Freeze-Override' must say why the freeze is "
                        + "overridden.");
            }
            if (caller == null) {
                throw ApiException.conflict("The stage " + envKey + " is frozen by '" + window.name() + "'.");
            }
            caller.require(Permission.OVERRIDE_FREEZE, envKey);
            Override override = new Override(window, occurrence, caller.clientId(), overrideReason.strip());
            return Optional.of(override);
        }
        return Optional.empty();
    }

    /** Tells listeners (webhooks) about an override; call it in the transaction that records the operation. */
    public void overridden(Override o, String opKey, Instant now) {
        events.publishEvent(new ReleaseSafetyEvent.FreezeOverridden(opKey, o.window().environmentKey(),
                o.window().key(), o.window().name(), o.by(), o.reason(), now));
    }

    private static FreezeWindow validated(String envKey, FreezeWindowRequest body, String by, Instant now) {
        if (body == null) {
            throw ApiException.badRequest("The request body is required, e.g. {\"name\": \"Release freeze\", "
                    + "\"start\": \"2026-12-24T00:00:00Z\", \"end\": \"2026-12-27T00:00:00Z\"}.");
        }
        if (body.name() == null || body.name().isBlank()) {
            throw ApiException.badRequest("'name' is required.");
        }
        if (body.name().length() > MAX_NAME) {
            throw ApiException.badRequest("'name' is longer than " + MAX_NAME + " characters.");
        }
        boolean oneOff = body.start() != null || body.end() != null;
        boolean recurring = body.cron() != null || body.durationMinutes() != null || body.timeZone() != null;
        if (oneOff == recurring) {
            throw ApiException.badRequest("Give either 'start' and 'end' (a one-off window) or 'cron', "
                    + "'durationMinutes' and 'timeZone' (a recurring one).");
        }
        String key = UUID.randomUUID().toString();
        if (oneOff) {
            Instant start = time(body.start(), "start");
            Instant end = time(body.end(), "end");
            if (!end.isAfter(start)) {
                throw ApiException.badRequest("'end' (" + end + ") must be after 'start' (" + start + ").");
            }
            return new FreezeWindow(key, envKey, body.name().strip(), start, end, null, null, null, now, by);
        }
        required(body.cron(), "cron");
        required(body.durationMinutes(), "durationMinutes");
        required(body.timeZone(), "timeZone");
        try {
            FreezeWindow.parseCron(body.cron());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'cron' is not a cron expression (minute hour day-of-month month "
                    + "day-of-week, optionally with seconds first): " + e.getMessage());
        }
        if (body.durationMinutes() < 1 || body.durationMinutes() > StagePolicy.MAX_MINUTES) {
            throw ApiException.badRequest("'durationMinutes' must be from 1 to " + StagePolicy.MAX_MINUTES
                    + " (30 days), got " + body.durationMinutes() + ".");
        }
        String zone;
        try {
            zone = ZoneId.of(body.timeZone().trim()).getId();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("'timeZone' must be a time zone such as Europe/Lisbon, got '"
                    + body.timeZone() + "'.");
        }
        return new FreezeWindow(key, envKey, body.name().strip(), null, null, body.cron().trim(),
                body.durationMinutes(), zone, now, by);
    }

    private static Instant time(String value, String field) {
        required(value, field);
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' must be an RFC 3339 date-time such as "
                    + "2026-12-24T16:00:00Z, got '" + value + "'.");
        }
    }

    private static void required(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required for this kind of window.");
        }
    }

    private Stage stage(Caller caller, String environmentKey, Permission permission) {
        String key = Keys.parse(environmentKey, "environmentKey").toString();
        Stage stage = stages.find(key).orElseThrow(() -> ApiException.stageNotFound(key));
        caller.require(permission, stage.key());
        return stage;
    }
}
