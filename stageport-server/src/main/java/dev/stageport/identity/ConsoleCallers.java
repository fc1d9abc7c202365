package dev.stageport.identity;

import org.springframework.stereotype.Component;

/**
 * The {@link Caller} behind a console session: the user's grants read afresh at each page, so a
 * permission change or a suspension takes effect at the next click. Someone signed in through
 * single sign-on with no console user of that name acts with no permissions at all.
 */
@Component
public class ConsoleCallers {

    private final ConsoleUserRepository users;
    private final KnownStages stages;

    public ConsoleCallers(ConsoleUserRepository users, KnownStages stages) {
        this.users = users;
        this.stages = stages;
    }

    /** The caller, or null when the user was suspended or deleted since signing in. */
    public Caller activeOrNull(String username, boolean singleSignOn) {
        return users.find(username)
                .map(u -> u.status() == ConsoleUser.Status.ACTIVE
                        ? new Caller(ConsoleUser.callerId(username), users.grants(username), stages) : null)
                .orElseGet(() -> singleSignOn
                        ? new Caller(ConsoleUser.callerId(username), java.util.Map.of(), stages) : null);
    }
}
