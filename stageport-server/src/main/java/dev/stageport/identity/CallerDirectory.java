package dev.stageport.identity;

import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token's subject into a {@link Caller}. Grants are read from
 * the database so permission changes and suspensions take effect without new
 * tokens; a short cache keeps the database out of every request.
 */
@Component
public class CallerDirectory {

    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private record Entry(Caller caller, Instant until) {
    }

    private final ApiClientRepository clients;
    private final KnownStages stages;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CallerDirectory(ApiClientRepository clients, KnownStages stages, Clock clock) {
        this.clients = clients;
        this.stages = stages;
        this.clock = clock;
    }

    public Caller resolve(String clientId) {
        Caller caller = activeOrNull(clientId);
        if (caller == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED,
                    "The API client '" + clientId + "' no longer exists or is suspended.");
        }
        return caller;
    }

    /** The active client's grants, or null when it no longer exists or is suspended. */
    public Caller activeOrNull(String clientId) {
        Instant now = clock.instant();
        Entry entry = cache.get(clientId);
        if (entry == null || now.isAfter(entry.until())) {
            Caller caller = clients.find(clientId)
                    .filter(c -> c.status() == ApiClient.Status.ACTIVE)
                    .map(c -> new Caller(c.clientId(), clients.grants(c.clientId()), stages))
                    .orElse(null);
            entry = new Entry(caller, now.plus(CACHE_FOR));
            cache.put(clientId, entry);
        }
        return entry.caller();
    }

    public void forget(String clientId) {
        cache.remove(clientId);
    }

    /** After an emulator reset or restore every client may have other grants, or be gone. */
    public void forgetAll() {
        cache.clear();
    }
}
