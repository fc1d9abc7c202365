package dev.stageport.builds;

import dev.stageport.webhooks.WebhookEvent;
import dev.stageport.webhooks.WebhookEventType;
import dev.stageport.webhooks.WebhookOutbox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** build.finished, recorded in the transaction of the build's terminal status. A build belongs to no stage. */
@Component
class BuildWebhooks {

    private final WebhookOutbox outbox;

    BuildWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    void finished(BuildRunner.Job job, Build.BuildStatus status, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buildKey", job.key());
        data.put("assetKey", job.assetKey());
        data.put("assetRevision", job.revision());
        data.put("buildType", job.type().name());
        data.put("status", status.name());
        data.put("finishedAt", at.toString());
        outbox.record(new WebhookEvent(WebhookEventType.BUILD_FINISHED, null, job.key(), data));
    }
}
