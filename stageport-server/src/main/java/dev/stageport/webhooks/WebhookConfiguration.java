package dev.stageport.webhooks;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook settings: whether private addresses may be called (STAGEPORT_WEBHOOK_ALLOW_PRIVATE) and the retries. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookAddresses webhookAddresses(@Value("${stageport.webhooks.allow-private:off}") String allowPrivate) {
        String value = allowPrivate.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off") && !value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("STAGEPORT_WEBHOOK_ALLOW_PRIVATE must be on or off, got '"
                    + allowPrivate + "'.");
        }
        return new WebhookAddresses(value.equals("on") || value.equals("true"));
    }

    @Bean
    DeliverySchedule deliverySchedule() {
        return DeliverySchedule.DEFAULT;
    }
}
