package dev.stageport.audit;

import dev.stageport.identity.CallerCapture;
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

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditService audit, ObjectMapper json, Clock clock) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(
                new AuditFilter(audit, json, clock));
        registration.setOrder(BEFORE_SECURITY);
        registration.addUrlPatterns("/api/*", "/console/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<CallerCapture> callerCapture() {
        FilterRegistrationBean<CallerCapture> registration = new FilterRegistrationBean<>(new CallerCapture());
        registration.setOrder(CallerCapture.ORDER);
        registration.addUrlPatterns("/api/*", "/console/*");
        return registration;
    }
}
