package dev.stageport.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The events a webhook may subscribe to, by their wire names. The approval and freeze
 * events are accepted in subscriptions before anything produces them, so a receiver can
 * be set up once and start receiving them when those features record them.
 */
public enum WebhookEventType {
    OPERATION_STARTED("operation.started"),
    OPERATION_FINISHED("operation.finished"),
    BUILD_FINISHED("build.finished"),
    APPROVAL_REQUESTED("approval.requested"),
    APPROVAL_DECIDED("approval.decided"),
    FREEZE_OVERRIDDEN("freeze.overridden");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
