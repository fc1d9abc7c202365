package dev.stageport.webhooks.api;

import java.util.List;

/** POST /webhooks: where to send which events of which stages (none named: every stage). */
public record WebhookRequest(String url, List<String> events, List<String> environmentKeys) {
}
