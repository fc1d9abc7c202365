package dev.stageport.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Password sign-in for console users. A wrong password and an unknown user fail alike
 * ({@link BadCredentialsException}, and a BCrypt check either way so the time tells nothing).
 * After {@value #MAX_FAILURES} failures for a name within {@link #WINDOW} every attempt for it
 * fails with {@link Throttled} until the window passes, whether the name exists or not.
 */
@Component
public class ConsoleSignIn implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** Too many failed sign-ins for this name recently. */
    public static class Throttled extends AuthenticationException {
        public Throttled() {
            super("Too many failed sign-ins; try again in a few minutes.");
        }
    }

    private final ConsoleUserRepository users;
    private final Clock clock;
    private final DaoAuthenticationProvider passwords;

    public ConsoleSignIn(ConsoleUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.passwords = new DaoAuthenticationProvider(username -> users.find(username)
                .filter(u -> u.passwordHash() != null)
                .map(u -> User.withUsername(u.username()).password(u.passwordHash())
                        .disabled(u.status() != ConsoleUser.Status.ACTIVE)
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_CONSOLE"))).build())
                .orElseThrow(() -> new UsernameNotFoundException(username)));
        passwords.setPasswordEncoder(ConsoleUserService.PASSWORDS);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = String.valueOf(authentication.getName());
        if (name.length() > 100) {
            throw new BadCredentialsException("Bad credentials");
        }
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        if (users.recentFailures(name, since) >= MAX_FAILURES) {
            throw new Throttled();
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            users.clearFailures(name);
            return signedIn;
        } catch (AuthenticationException failed) {
            users.recordFailure(name, now, since);
            // a suspended user learns no more than someone with a wrong password
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
