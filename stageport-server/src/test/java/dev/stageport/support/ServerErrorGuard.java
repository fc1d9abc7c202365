package dev.stageport.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every 5xx the test server answers, so {@link ServerTest} can fail the
 * test that caused it: a server error from our own code is a bug, whatever the
 * test itself asserted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServerErrorGuard {

    static final List<String> SERVER_ERRORS = new CopyOnWriteArrayList<>();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> serverErrorRecorder() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            // a 5xx an emulator fault rule asked for is no bug
                            if (response.getStatus() >= 500
                                    && request.getAttribute(dev.stageport.emulator.FaultRules.INJECTED) == null) {
                                SERVER_ERRORS.add(response.getStatus() + " " + request.getMethod() + " "
                                        + request.getRequestURI());
                            }
                        }
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
