package dev.stageport.webhooks.api;

import dev.stageport.web.Int32NullablePageInfo;
import java.util.List;

/** A webhook's deliveries, newest first. */
public record DeliveryListResponse(Int32NullablePageInfo page, List<DeliveryResponse> results) {
}
