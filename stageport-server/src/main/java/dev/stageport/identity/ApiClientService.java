package dev.stageport.identity;

import dev.stageport.identity.api.ApiClientPatch;
import dev.stageport.identity.api.ApiClientRequest;
import dev.stageport.identity.api.ApiClientResponse;
import dev.stageport.identity.api.PermissionGrant;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing API clients: create (secret shown once), edit, permissions per stage,
 * suspend, resume, regenerate the secret, delete. Needs the tenant-wide
 * "Manage API clients" permission. Secret lifetimes follow the ODC docs:
 * 90 days by default, at most 24 months.
 */
@Service
public class ApiClientService {

    static final Duration DEFAULT_SECRET_LIFETIME = Duration.ofDays(90);
    static final int MAX_SECRET_MONTHS = 24;

    private final ApiClientRepository clients;
    private final ClientSecrets secrets;
    private final CallerDirectory directory;
    private final StageRepository stages;
    private final Clock clock;

    public ApiClientService(ApiClientRepository clients, ClientSecrets secrets, CallerDirectory directory,
                            StageRepository stages, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.directory = directory;
        this.stages = stages;
        this.clock = clock;
    }

    public List<ApiClientResponse> list(Caller caller) {
        requireManager(caller);
        return clients.all().stream().map(c -> view(c, null)).toList();
    }

    public ApiClientResponse get(Caller caller, String clientId) {
        requireManager(caller);
        return view(find(clientId), null);
    }

    @Transactional
    public ApiClientResponse create(Caller caller, ApiClientRequest request) {
        requireManager(caller);
        Instant now = clock.instant();
        String name = required(request.name(), "name", 200);
        String description = optional(request.description(), "description", 1000);
        Map<Permission, Set<String>> grants = grants(request.permissions());
        String secret = secrets.generate();
        ApiClient client = new ApiClient(UUID.randomUUID().toString(), name, description, secrets.hash(secret),
                expiry(request.secretExpiresAt(), now), ApiClient.Status.ACTIVE, now);
        clients.upsert(client, grants);
        return view(client, secret);
    }

    @Transactional
    public ApiClientResponse edit(Caller caller, String clientId, ApiClientPatch patch) {
        requireManager(caller);
        ApiClient current = find(clientId);
        ApiClient edited = new ApiClient(current.clientId(),
                patch.name() == null ? current.name() : required(patch.name(), "name", 200),
                patch.description() == null ? current.description() : optional(patch.description(), "description",
                        1000),
                current.secretHash(), current.secretExpiresAt(), current.status(), current.createdAt());
        clients.save(edited);
        return view(edited, null);
    }

    @Transactional
    public ApiClientResponse setPermissions(Caller caller, String clientId, List<PermissionGrant> permissions) {
        requireManager(caller);
        ApiClient client = find(clientId);
        clients.replaceGrants(client.clientId(), grants(permissions));
        directory.forget(client.clientId());
        return view(client, null);
    }

    @Transactional
    public ApiClientResponse setSuspended(Caller caller, String clientId, boolean suspended) {
        requireManager(caller);
        ApiClient current = find(clientId);
        if (suspended && current.clientId().equals(caller.clientId())) {
            throw ApiException.conflict("An API client cannot suspend itself.");
        }
        ApiClient changed = new ApiClient(current.clientId(), current.name(), current.description(),
                current.secretHash(), current.secretExpiresAt(),
                suspended ? ApiClient.Status.SUSPENDED : ApiClient.Status.ACTIVE, current.createdAt());
        clients.save(changed);
        directory.forget(clientId);
        return view(changed, null);
    }

    @Transactional
    public ApiClientResponse regenerateSecret(Caller caller, String clientId, Instant expiresAt) {
        requireManager(caller);
        ApiClient current = find(clientId);
        String secret = secrets.generate();
        ApiClient changed = new ApiClient(current.clientId(), current.name(), current.description(),
                secrets.hash(secret), expiry(expiresAt, clock.instant()), current.status(), current.createdAt());
        clients.save(changed);
        return view(changed, secret);
    }

    @Transactional
    public void delete(Caller caller, String clientId) {
        requireManager(caller);
        if (clientId.equals(caller.clientId())) {
            throw ApiException.conflict("An API client cannot delete itself.");
        }
        if (!clients.delete(clientId)) {
            throw ApiException.notFound("No API client '" + clientId + "'.");
        }
        directory.forget(clientId);
    }

    private static void requireManager(Caller caller) {
        caller.require(Permission.MANAGE_API_CLIENTS, Caller.EVERY_STAGE);
    }

    private ApiClient find(String clientId) {
        return clients.find(clientId).orElseThrow(() -> ApiException.notFound("No API client '" + clientId + "'."));
    }

    private Instant expiry(Instant requested, Instant now) {
        Instant latest = now.atOffset(ZoneOffset.UTC).plusMonths(MAX_SECRET_MONTHS).toInstant();
        if (requested == null) {
            return now.plus(DEFAULT_SECRET_LIFETIME);
        }
        if (!requested.isAfter(now)) {
            throw ApiException.badRequest("'secretExpiresAt' must be in the future.");
        }
        if (requested.isAfter(latest)) {
            throw ApiException.badRequest("'secretExpiresAt' may be at most " + MAX_SECRET_MONTHS
                    + " months away (" + latest + ").");
        }
        return requested;
    }

    private Map<Permission, Set<String>> grants(List<PermissionGrant> requested) {
        Map<Permission, Set<String>> grants = new EnumMap<>(Permission.class);
        if (requested == null) {
            return grants;
        }
        List<String> problems = new ArrayList<>();
        for (PermissionGrant grant : requested) {
            Permission permission = grant == null || grant.permission() == null ? null
                    : Permission.fromCode(grant.permission()).orElse(null);
            String stage = grant == null ? null : grant.environmentKey();
            if (permission == null) {
                problems.add("Unknown permission '" + (grant == null ? null : grant.permission())
                        + "'; expected one of " + codes() + ".");
                continue;
            }
            if (stage == null || !stage.equals(Caller.EVERY_STAGE) && stages.find(stage.toLowerCase()).isEmpty()) {
                problems.add("Permission " + permission.code() + ": 'environmentKey' must be a stage key or '*', got '"
                        + stage + "'.");
                continue;
            }
            if ((permission == Permission.MANAGE_API_CLIENTS || permission == Permission.EMULATOR_CONTROL)
                    && !stage.equals(Caller.EVERY_STAGE)) {
                problems.add(permission.code() + " is tenant-wide: give it with environmentKey '*'.");
                continue;
            }
            grants.computeIfAbsent(permission, p -> new HashSet<>()).add(stage.toLowerCase());
        }
        if (!problems.isEmpty()) {
            throw new ApiException(dev.stageport.errors.ErrorCode.VALIDATION_FAILED, problems.get(0), problems);
        }
        return grants;
    }

    private ApiClientResponse view(ApiClient client, String secret) {
        List<PermissionGrant> permissions = new ArrayList<>();
        clients.grants(client.clientId()).forEach((permission, stageKeys) -> stageKeys.stream().sorted()
                .forEach(stage -> permissions.add(new PermissionGrant(permission.code(), stage))));
        String status;
        if (client.status() == ApiClient.Status.SUSPENDED) {
            status = "Suspended";
        } else if (!clock.instant().isBefore(client.secretExpiresAt())) {
            status = "Expired";
        } else {
            status = permissions.isEmpty() ? "NeedsAttention" : "Active";
        }
        return new ApiClientResponse(client.clientId(), client.name(), client.description(), status,
                client.secretExpiresAt(), client.createdAt(), permissions, secret);
    }

    private static String codes() {
        return java.util.Arrays.stream(Permission.values()).map(Permission::code).toList().toString();
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required.");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest("'" + field + "' may be at most " + max + " characters.");
        }
        return value == null ? null : value.strip();
    }
}
