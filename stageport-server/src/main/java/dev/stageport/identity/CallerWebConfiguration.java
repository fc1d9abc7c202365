package dev.stageport.identity;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the {@link Caller} as a parameter; identity registers it, so web needs no identity. */
@Configuration(proxyBeanMethods = false)
public class CallerWebConfiguration implements WebMvcConfigurer {

    private final CallerArgumentResolver callers;

    public CallerWebConfiguration(CallerArgumentResolver callers) {
        this.callers = callers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }
}
