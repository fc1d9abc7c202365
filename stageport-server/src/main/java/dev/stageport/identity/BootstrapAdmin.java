package dev.stageport.identity;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to the console: a user {@code admin} with every permission.
 * With STAGEPORT_CONSOLE_ADMIN_PASSWORD it gets that password (reset at each start, like the
 * bootstrap client's secret); otherwise it is created on first start with a generated password
 * printed once.
 */
@Component
@Order(11)
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    static final String ADMIN = "admin";

    private final ConsoleUserRepository users;
    private final ClientSecrets secrets;
    private final Clock clock;
    private final String configuredPassword;

    public BootstrapAdmin(ConsoleUserRepository users, ClientSecrets secrets, Clock clock,
                          @Value("${stageport.console.admin-password:}") String configuredPassword) {
        this.users = users;
        this.secrets = secrets;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!configuredPassword.isBlank()) {
            String hash = ConsoleUserService.PASSWORDS.encode(configuredPassword);
            ConsoleUser admin = new ConsoleUser(ADMIN, "Administrator", hash, ConsoleUser.Status.ACTIVE,
                    clock.instant());
            if (!users.insert(admin)) {
                users.find(ADMIN).ifPresent(existing -> users.update(new ConsoleUser(ADMIN, existing.displayName(),
                        hash, ConsoleUser.Status.ACTIVE, existing.createdAt())));
            }
            users.replaceGrants(ADMIN, everything());
            log.info("Console user '{}' is ready (password from STAGEPORT_CONSOLE_ADMIN_PASSWORD).", ADMIN);
            return;
        }
        if (!users.all().isEmpty()) {
            return;
        }
        String generated = secrets.generate();
        if (users.insert(new ConsoleUser(ADMIN, "Administrator", ConsoleUserService.PASSWORDS.encode(generated),
                ConsoleUser.Status.ACTIVE, clock.instant()))) {
            users.replaceGrants(ADMIN, everything());
            // Printed once, to stdout rather than the log, like the bootstrap client's secret.
            System.out.printf("%n=== Stageport console sign-in (shown once, save it now) ===%n"
                    + "user:     %s%npassword: %s%n"
                    + "===========================================================%n%n", ADMIN, generated);
        }
    }

    private static Map<Permission, Set<String>> everything() {
        Map<Permission, Set<String>> grants = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            grants.put(permission, Set.of(Caller.EVERY_STAGE));
        }
        return grants;
    }
}
