package dev.stageport.identity;

import dev.stageport.errors.ApiException;
import dev.stageport.identity.api.ConsoleUserPatch;
import dev.stageport.identity.api.ConsoleUserRequest;
import dev.stageport.identity.api.ConsoleUserResponse;
import dev.stageport.identity.api.PermissionGrant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the people who sign in to the console: create (a generated password shown once),
 * edit, permissions per stage, suspend, resume, delete. Needs "Manage API clients" on every
 * stage, like managing API clients. Passwords are BCrypt hashes: people choose weak ones.
 */
@Service
public class ConsoleUserService {

    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    /** One encoder for people's passwords; API client secrets use {@link MachineSecretEncoder}. */
    public static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();

    private final ConsoleUserRepository users;
    private final PermissionGrants permissionGrants;
    private final ClientSecrets secrets;
    private final Clock clock;

    public ConsoleUserService(ConsoleUserRepository users, PermissionGrants permissionGrants, ClientSecrets secrets,
                              Clock clock) {
        this.users = users;
        this.permissionGrants = permissionGrants;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<ConsoleUserResponse> list(Caller caller) {
        requireManager(caller);
        return users.all().stream().map(u -> view(u, null)).toList();
    }

    public ConsoleUserResponse get(Caller caller, String username) {
        requireManager(caller);
        return view(find(username), null);
    }

    @Transactional
    public ConsoleUserResponse create(Caller caller, ConsoleUserRequest request) {
        requireManager(caller);
        if (request == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        String username = ApiClientService.required(request.username(), "username", 100);
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("'username' may hold letters, digits and . _ @ - only, got '"
                    + username + "'.");
        }
        Map<Permission, Set<String>> grants = permissionGrants.parse(request.permissions());
        String generated = request.password() == null ? secrets.generate() : null;
        String password = generated != null ? generated : checked(request.password());
        ConsoleUser user = new ConsoleUser(username,
                ApiClientService.optional(request.displayName(), "displayName", 200), PASSWORDS.encode(password),
                ConsoleUser.Status.ACTIVE, clock.instant());
        if (!users.insert(user)) {
            throw ApiException.conflict("A console user '" + username + "' already exists.");
        }
        users.replaceGrants(username, grants);
        return view(user, generated);
    }

    @Transactional
    public ConsoleUserResponse edit(Caller caller, String username, ConsoleUserPatch patch) {
        requireManager(caller);
        if (patch == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        ConsoleUser current = find(username);
        ConsoleUser edited = new ConsoleUser(current.username(),
                patch.displayName() == null ? current.displayName()
                        : ApiClientService.optional(patch.displayName(), "displayName", 200),
                patch.password() == null ? current.passwordHash() : PASSWORDS.encode(checked(patch.password())),
                current.status(), current.createdAt());
        users.update(edited);
        return view(edited, null);
    }

    @Transactional
    public ConsoleUserResponse setPermissions(Caller caller, String username, List<PermissionGrant> permissions) {
        requireManager(caller);
        ConsoleUser user = find(username);
        users.replaceGrants(user.username(), permissionGrants.parse(permissions));
        return view(user, null);
    }

    @Transactional
    public ConsoleUserResponse setSuspended(Caller caller, String username, boolean suspended) {
        requireManager(caller);
        ConsoleUser current = find(username);
        if (suspended && ConsoleUser.callerId(current.username()).equals(caller.clientId())) {
            throw ApiException.conflict("A console user cannot suspend themselves.");
        }
        ConsoleUser changed = new ConsoleUser(current.username(), current.displayName(), current.passwordHash(),
                suspended ? ConsoleUser.Status.SUSPENDED : ConsoleUser.Status.ACTIVE, current.createdAt());
        users.update(changed);
        return view(changed, null);
    }

    @Transactional
    public void delete(Caller caller, String username) {
        requireManager(caller);
        if (ConsoleUser.callerId(username).equals(caller.clientId())) {
            throw ApiException.conflict("A console user cannot delete themselves.");
        }
        if (!users.delete(username)) {
            throw ApiException.notFound("No console user '" + username + "'.");
        }
    }

    private static String checked(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > 72) {
            throw ApiException.badRequest("'password' must be " + MIN_PASSWORD + " to 72 characters long.");
        }
        return password;
    }

    private static void requireManager(Caller caller) {
        caller.require(Permission.MANAGE_API_CLIENTS, Caller.EVERY_STAGE);
    }

    private ConsoleUser find(String username) {
        return users.find(username).orElseThrow(() -> ApiException.notFound("No console user '" + username + "'."));
    }

    private ConsoleUserResponse view(ConsoleUser user, String password) {
        return new ConsoleUserResponse(user.username(), user.displayName(),
                user.status() == ConsoleUser.Status.ACTIVE ? "Active" : "Suspended", user.createdAt(),
                PermissionGrants.list(users.grants(user.username())), password);
    }
}
