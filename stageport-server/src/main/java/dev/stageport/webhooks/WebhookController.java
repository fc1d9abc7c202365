package dev.stageport.webhooks;

import dev.stageport.identity.Caller;
import dev.stageport.web.Int32NullablePageInfo;
import dev.stageport.web.Paging;
import dev.stageport.webhooks.api.DeliveryListResponse;
import dev.stageport.webhooks.api.DeliveryResponse;
import dev.stageport.webhooks.api.WebhookListResponse;
import dev.stageport.webhooks.api.WebhookRequest;
import dev.stageport.webhooks.api.WebhookResponse;
import dev.stageport.errors.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's own API: signed webhooks and their deliveries. */
@RestController
@RequestMapping("/api/stageport/v1/webhooks")
public class WebhookController {

    private final WebhookService service;

    public WebhookController(WebhookService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WebhookResponse create(Caller caller, @RequestBody(required = false) WebhookRequest request) {
        if (request == null) {
            throw ApiException.badRequest("The request body is required, e.g. {\"url\": \"https://ci.example.com/"
                    + "hook\", \"events\": [\"operation.finished\"]}.");
        }
        WebhookService.Created created = service.create(caller, request.url(), request.events(),
                request.environmentKeys());
        return WebhookViews.webhook(created.webhook(), created.secret());
    }

    @GetMapping
    WebhookListResponse list(Caller caller, @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        List<Webhook> page = service.list(caller, paging);
        List<WebhookResponse> shown = page.stream().limit(paging.limit()).map(h -> WebhookViews.webhook(h, null))
                .toList();
        return new WebhookListResponse(Int32NullablePageInfo.of(paging, shown.size(), page.size() > paging.limit()),
                shown);
    }

    @GetMapping("/{webhookKey}")
    WebhookResponse get(Caller caller, @PathVariable String webhookKey) {
        return WebhookViews.webhook(service.get(caller, webhookKey), null);
    }

    @DeleteMapping("/{webhookKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String webhookKey) {
        service.delete(caller, webhookKey);
    }

    @GetMapping("/{webhookKey}/deliveries")
    DeliveryListResponse deliveries(Caller caller, @PathVariable String webhookKey,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        List<Delivery> page = service.deliveries(caller, webhookKey, paging);
        List<Delivery> shown = page.stream().limit(paging.limit()).toList();
        return new DeliveryListResponse(Int32NullablePageInfo.of(paging, shown.size(), page.size() > paging.limit()),
                WebhookViews.deliveries(shown, service.attempts(shown)));
    }

    @PostMapping("/{webhookKey}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryResponse redeliver(Caller caller, @PathVariable String webhookKey, @PathVariable String deliveryId) {
        Delivery replay = service.redeliver(caller, webhookKey, deliveryId);
        return WebhookViews.deliveries(List.of(replay), List.of()).get(0);
    }
}
