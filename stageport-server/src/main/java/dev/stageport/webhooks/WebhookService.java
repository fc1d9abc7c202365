package dev.stageport.webhooks;

import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.secrets.SecretCipher;
import dev.stageport.web.Keys;
import dev.stageport.web.Paging;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing webhooks and their deliveries. Every call needs the tenant-wide "Manage API clients"
 * permission: a webhook hands events of the stages it names to an outside receiver, which is
 * granting read access, and that is what API-client managers decide. The signing secret is sealed
 * under the master key and shown once, in the answer that created the webhook.
 */
@Service
public class WebhookService {

    public static final int MAX_ENVIRONMENT_KEYS = 100;

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookAddresses addresses;
    private final StageRepository stages;
    private final SecretCipher cipher;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookService(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookAddresses addresses,
                          StageRepository stages, SecretCipher cipher, WebhookOutbox outbox, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.stages = stages;
        this.cipher = cipher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new webhook and its secret in clear, the only time it leaves the server. */
    public record Created(Webhook webhook, String secret) {
    }

    @Transactional
    public Created create(Caller caller, String url, List<String> events, List<String> environmentKeys) {
        requireManager(caller);
        addresses.refusal(url).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        List<WebhookEventType> types = eventTypes(events);
        List<String> envKeys = environmentKeys(environmentKeys);
        String secret = "whsec_" + randomToken();
        Webhook hook = new Webhook(UUID.randomUUID().toString(), url, types, envKeys,
                cipher.encryptText(secret), now(), caller.clientId());
        webhooks.insert(hook);
        return new Created(hook, secret);
    }

    public List<Webhook> list(Caller caller, Paging paging) {
        requireManager(caller);
        return webhooks.page(paging.limit() + 1, paging.offset());
    }

    public Webhook get(Caller caller, String webhookKey) {
        requireManager(caller);
        return find(webhookKey);
    }

    @Transactional
    public void delete(Caller caller, String webhookKey) {
        requireManager(caller);
        String key = Keys.parse(webhookKey, "webhookKey").toString();
        if (!webhooks.delete(key)) {
            throw notFound(key);
        }
    }

    /** A page of the webhook's deliveries (one more than the limit, to tell whether another page follows). */
    public List<Delivery> deliveries(Caller caller, String webhookKey, Paging paging) {
        requireManager(caller);
        Webhook hook = find(webhookKey);
        return deliveries.page(hook.key(), paging.limit() + 1, paging.offset());
    }

    public List<DeliveryAttempt> attempts(List<Delivery> page) {
        return deliveries.attempts(page.stream().map(Delivery::id).toList());
    }

    /**
     * Sends a delivery's event again as a new delivery (its own Stageport-Delivery id, the same event
     * id and body), outside any chain: a replay asked for by hand waits for nothing.
     */
    @Transactional
    public Delivery redeliver(Caller caller, String webhookKey, String deliveryId) {
        requireManager(caller);
        Webhook hook = find(webhookKey);
        String id = Keys.parse(deliveryId, "deliveryId").toString();
        Delivery original = deliveries.find(id).filter(d -> d.webhookKey().equals(hook.key()))
                .orElseThrow(() -> ApiException.notFound("The webhook " + hook.key() + " has no delivery " + id
                        + "."));
        String replay = outbox.replay(original);
        return deliveries.find(replay).orElseThrow();
    }

    private List<WebhookEventType> eventTypes(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw ApiException.badRequest("'events' is required: one or more of " + WebhookEventType.wireNames()
                    + ".");
        }
        LinkedHashSet<WebhookEventType> types = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : events) {
            WebhookEventType.fromWire(name == null ? "" : name.trim()).ifPresentOrElse(types::add,
                    () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("'events' names unknown events " + abbreviated(unknown)
                    + "; expected some of " + WebhookEventType.wireNames() + ".");
        }
        return List.copyOf(types);
    }

    private List<String> environmentKeys(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_ENVIRONMENT_KEYS) {
            throw ApiException.badRequest("'environmentKeys' may name at most " + MAX_ENVIRONMENT_KEYS
                    + " stages.");
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String value : requested) {
            String key = Keys.parse(value, "environmentKeys").toString();
            if (stages.find(key).isEmpty()) {
                unknown.add(key);
            }
            keys.add(key);
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("'environmentKeys' names stages that do not exist: " + unknown + ".");
        }
        return List.copyOf(keys);
    }

    private static String abbreviated(List<String> names) {
        return names.stream().map(n -> n == null ? "null" : "'" + (n.length() > 60 ? n.substring(0, 60) + "…" : n)
                + "'").toList().toString();
    }

    private Webhook find(String webhookKey) {
        String key = Keys.parse(webhookKey, "webhookKey").toString();
        return webhooks.find(key).orElseThrow(() -> notFound(key));
    }

    private static ApiException notFound(String key) {
        return ApiException.notFound("No webhook with key " + key + ".");
    }

    private static void requireManager(Caller caller) {
        caller.require(Permission.MANAGE_API_CLIENTS, Caller.EVERY_STAGE);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
