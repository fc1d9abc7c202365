package dev.stageport.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.webhooks.TestReceiver;

/** The webhooks of the hostile fixture: a receiver on loopback that answers 200, and webhooks aimed at it. */
final class WebhookFixture {

    /** Receives the deliveries of the fixture's webhooks (and of those the sweep creates). */
    static final TestReceiver RECEIVER = new TestReceiver();

    private WebhookFixture() {
    }

    /** A webhook subscribed to one event of one stage; its key. */
    static String create(Api api, String event, String stage) {
        Api.Response r = api.post("/api/stageport/v1/webhooks", """
                {"url":"%s","events":["%s"],"environmentKeys":["%s"]}""".formatted(RECEIVER.url(), event, stage));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    static String firstDelivery(Api api, String webhook) {
        Api.Response r = api.get("/api/stageport/v1/webhooks/" + webhook + "/deliveries");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").size()).as(r.body()).isPositive();
        return r.json().get("results").get(0).get("id").asString();
    }
}
