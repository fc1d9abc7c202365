package dev.stageport.webhooks.api;

import dev.stageport.web.Int32NullablePageInfo;
import java.util.List;

public record WebhookListResponse(Int32NullablePageInfo page, List<WebhookResponse> results) {
}
