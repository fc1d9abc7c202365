package dev.stageport.identity;

import dev.stageport.StageportProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is an API client to start with: every permission on every stage.
 * With STAGEPORT_BOOTSTRAP_CLIENT_ID/SECRET it is that client (its secret reset to
 * the given one at each start); otherwise one is generated on first start and its
 * secret printed once, never stored in clear.
 */
@Component
@Order(10)
public class BootstrapClient implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapClient.class);
    static final String GENERATED_ID = "stageport-bootstrap";

    private final ApiClientRepository clients;
    private final ClientSecrets secrets;
    private final StageportProperties properties;
    private final Clock clock;

    public BootstrapClient(ApiClientRepository clients, ClientSecrets secrets, StageportProperties properties,
                           Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String clientId = properties.bootstrap().clientId();
        String secret = properties.bootstrap().clientSecret();
        if (!clientId.isBlank()) {
            if (secret.isBlank()) {
                throw new IllegalStateException(
                        "STAGEPORT_BOOTSTRAP_CLIENT_ID is set but STAGEPORT_BOOTSTRAP_CLIENT_SECRET is not");
            }
            save(clientId, secret);
            log.info("Bootstrap API client '{}' is ready (secret from STAGEPORT_BOOTSTRAP_CLIENT_SECRET).", clientId);
            return;
        }
        if (clients.any()) {
            return;
        }
        String generated = secrets.generate();
        save(GENERATED_ID, generated);
        // Printed once, to stdout rather than the log, so it is seen on first start and not kept in log files.
        System.out.printf("%n=== Stageport bootstrap API client (shown once, save it now) ===%n"
                + "client_id:     %s%nclient_secret: %s%n"
                + "===============================================================%n%n", GENERATED_ID, generated);
    }

    private void save(String clientId, String secret) {
        Instant now = clock.instant();
        Map<Permission, Set<String>> everything = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            everything.put(permission, Set.of(Caller.EVERY_STAGE));
        }
        // The docs cap a secret's life at 24 months.
        Instant expiry = now.atOffset(ZoneOffset.UTC).plusMonths(24).toInstant();
        clients.upsert(new ApiClient(clientId, "Bootstrap client", "Created at first start with every permission",
                secrets.hash(secret),
                expiry, ApiClient.Status.ACTIVE, now), everything);
    }
}
