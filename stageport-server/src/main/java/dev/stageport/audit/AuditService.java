package dev.stageport.audit;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Int32NullablePageInfo;
import dev.stageport.web.Keys;
import dev.stageport.web.Paging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern STATUS = Pattern.compile("([1-5])(?:xx|XX|(\\d\\d))");

    private final AuditRepository events;

    public AuditService(AuditRepository events) {
        this.events = events;
    }

    /**
     * Stores one event. The request it describes has already been answered, so a
     * failure here must not become the caller's problem: it is logged, not thrown.
     */
    public void record(AuditEvent event) {
        try {
            events.insert(event);
        } catch (RuntimeException e) {
            log.error("Could not write the audit event for {} {} (status {}, trace {})", event.method(),
                    event.path(), event.status(), event.traceId(), e);
        }
    }

    /**
     * The audit log shows every client's actions on every stage, so reading it needs
     * what managing API clients needs: ManageApiClients granted on every stage. A
     * separate permission would be one more grant that ODC does not know.
     */
    public AuditEventListResponse list(Caller caller, String clientId, String environmentKey, String assetKey,
                                       String method, String status, String since, String until, Integer limit,
                                       Integer offset) {
        caller.require(Permission.MANAGE_API_CLIENTS, Caller.EVERY_STAGE);
        Paging paging = Paging.of(limit, offset);
        int[] statuses = status(status);
        Instant from = time(since, "since");
        Instant to = time(until, "until");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("'since' must not be after 'until'.");
        }
        AuditQuery query = new AuditQuery(blankToNull(clientId),
                environmentKey == null ? null : Keys.parse(environmentKey, "environmentKey").toString(),
                assetKey == null ? null : Keys.parse(assetKey, "assetKey").toString(),
                method(method), statuses == null ? null : statuses[0], statuses == null ? null : statuses[1],
                from, to);
        List<AuditEvent> rows = events.find(query, paging);
        boolean more = rows.size() > paging.limit();
        List<AuditEvent> page = more ? rows.subList(0, paging.limit()) : rows;
        return new AuditEventListResponse(Int32NullablePageInfo.of(paging, page.size(), more), List.copyOf(page));
    }

    private static String method(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw ApiException.badRequest("'method' must be one of POST, PUT, PATCH or DELETE, got '" + value
                    + "'.");
        }
        return upper;
    }

    /** An exact code (404) or a class (4xx), as an inclusive range. */
    private static int[] status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = STATUS.matcher(value.trim());
        if (!m.matches()) {
            throw ApiException.badRequest("'status' must be a status code such as 404 or a class such as 4xx, got '"
                    + value + "'.");
        }
        int first = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new int[] {first * 100, first * 100 + 99};
        }
        int code = first * 100 + Integer.parseInt(m.group(2));
        return new int[] {code, code};
    }

    private static Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // A '+' offset sent unencoded in a query string arrives as a space.
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' must be an RFC 3339 date-time, got '" + value + "'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
