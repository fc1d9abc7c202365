package dev.stageport.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Event streams and long polls are not timed as HTTP requests: they are open for minutes by design
 * (their times would only stretch the latency histogram of {@code http_server_requests_seconds}),
 * and an observation kept open per waiting follower is heap held for each of thousands of them.
 */
@Configuration(proxyBeanMethods = false)
public class FollowerObservations {

    @Bean
    ObservationPredicate followersAreNotTimed() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && ResponseBuffers.follows(request.getCarrier()));
    }
}
