package dev.stageport.audit;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /**
     * Just before Spring Security's chain (order -100) and after the rate limits
     * (a request refused for its rate is not stored, so a flood cannot fill the log),
     * so that requests refused for their token are recorded.
     */
    static final int BEFORE_SECURITY = -101;
    /** After the security chain but before the idempotency filter (0), which may answer a replay itself. */
    static final int AFTER_SECURITY = -1;

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditService audit, ObjectMapper json, Clock clock) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(
                new AuditFilter(audit, json, clock));
        registration.setOrder(BEFORE_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<AuditFilter.CallerCapture> auditCallerCapture() {
        FilterRegistrationBean<AuditFilter.CallerCapture> registration = new FilterRegistrationBean<>(
                new AuditFilter.CallerCapture());
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
