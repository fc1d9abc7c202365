package dev.stageport.emulator;

import dev.stageport.web.ProblemWriter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import tools.jackson.databind.ObjectMapper;

/** The emulator's clock and filters; none of them exists unless STAGEPORT_EMULATOR=on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class EmulatorConfiguration {

    /** Just after the trace id (so entries carry it), before body limits and rate limits (so their refusals show). */
    static final int JOURNAL_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    /** After Spring Security's chain (-100) and the caller capture (-3), before idempotency (0). */
    static final int FAULT_ORDER = -2;

    /** Every component that asks the time gets this one, so moving it moves every time rule. */
    @Bean
    @Primary
    VirtualClock virtualClock() {
        return new VirtualClock(Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<JournalFilter> emulatorJournalFilter(RequestJournal journal, ObjectMapper json,
                                                                VirtualClock clock) {
        FilterRegistrationBean<JournalFilter> registration = new FilterRegistrationBean<>(
                new JournalFilter(journal, json, clock));
        registration.setOrder(JOURNAL_ORDER);
        registration.addUrlPatterns("/api/*", "/identity/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<FaultFilter> emulatorFaultFilter(FaultRules rules, ProblemWriter problems) {
        FilterRegistrationBean<FaultFilter> registration = new FilterRegistrationBean<>(
                new FaultFilter(rules, problems));
        registration.setOrder(FAULT_ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
