package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.Api;
import dev.stageport.support.RateLimitedServerTest;
import dev.stageport.support.ServerTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** On the rate-limited server with its tiny domain pool, so refusals are certain and nobody else's. */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class MetricsRateLimitTest extends RateLimitedServerTest {

    private static final Pattern BUILDS = Pattern.compile(
            "(?m)^stageport_rate_limit_rejections_total\\{bucket=\"builds\"} ([0-9.]+)");

    private double rejections() {
        String text = new Api(baseUrl()).get("/actuator/prometheus").body();
        Matcher m = BUILDS.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void everyRefusedRequestIncrementsTheRejectionCounterOfItsBucket() {
        double before = rejections();
        int refused = 0;
        for (int i = 0; i < 2 * DOMAIN_PER_MINUTE; i++) {
            if (api.get("/api/builds/v1/build-operations?limit=1").status() == 429) {
                refused++;
            }
        }
        assertThat(refused).as(DOMAIN_PER_MINUTE + " allowed per minute; a window may roll over mid-loop")
                .isPositive();
        assertThat(rejections() - before).isEqualTo(refused);
    }

    @Test
    void theScrapeItselfIsNeverRateLimited() {
        for (int i = 0; i < 6; i++) {
            assertThat(new Api(baseUrl()).get("/actuator/prometheus").status()).isEqualTo(200);
        }
    }
}
