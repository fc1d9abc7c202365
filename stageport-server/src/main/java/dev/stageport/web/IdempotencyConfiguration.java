package dev.stageport.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    /** After Spring Security's chain (order -100), so the caller is known and keys are scoped to it. */
    static final int AFTER_SECURITY = 0;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRepository records, ProblemWriter problems,
                                                                java.time.Clock clock,
                                                                @org.springframework.beans.factory.annotation.Value(
                                                                        "${stageport.idempotency.keep-for:24h}")
                                                                java.time.Duration keepFor) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, problems, clock, keepFor));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
