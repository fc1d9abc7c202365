package dev.stageport;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** The one source of time; domain code asks it, tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
