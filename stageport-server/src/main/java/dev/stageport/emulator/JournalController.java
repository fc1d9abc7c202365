package dev.stageport.emulator;

import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.identity.Caller;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The request journal: GET lists recent requests (filtered by method, path and time), DELETE clears it. */
@RestController
@RequestMapping(JournalController.PATH)
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class JournalController {

    static final String PATH = "/api/stageport/v1/emulator/requests";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final RequestJournal journal;

    public JournalController(RequestJournal journal) {
        this.journal = journal;
    }

    @GetMapping
    JournalResponse list(Caller caller, @RequestParam(required = false) String method,
                         @RequestParam(required = false) String path,
                         @RequestParam(required = false) String since) {
        if (method != null && !METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
            throw bad("'method' must be one of " + METHODS.stream().sorted().toList() + ".");
        }
        PathTemplate template = null;
        if (path != null) {
            if (!path.startsWith("/")) {
                throw bad("'path' must be a path such as /api/deployments/v1/deployment-operations or a template "
                        + "such as /api/deployments/v1/deployment-operations/{key}.");
            }
            try {
                template = PathTemplate.of(path);
            } catch (IllegalArgumentException e) {
                throw bad("'path' is not a path template: " + e.getMessage() + ".");
            }
        }
        Instant from = null;
        if (since != null) {
            try {
                from = OffsetDateTime.parse(since).toInstant();
            } catch (DateTimeParseException e) {
                throw bad("'since' must be an RFC 3339 date-time such as 2027-01-01T00:00:00Z.");
            }
        }
        return new JournalResponse(journal.list(caller, method, template, from).stream()
                .map(JournalResponse.JournalEntryResponse::of).toList(), journal.capacity());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(Caller caller) {
        journal.clear(caller);
    }

    private static ApiException bad(String detail) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, detail);
    }
}
