package dev.stageport.webhooks.api;

import java.util.List;

/** A webhook; {@code secret} only in the answer that created it, the one time it is shown. */
public record WebhookResponse(String key, String url, List<String> events, List<String> environmentKeys,
                              String createdAt, String createdBy, String secret) {
}
