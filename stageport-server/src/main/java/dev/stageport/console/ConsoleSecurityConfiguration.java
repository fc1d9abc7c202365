package dev.stageport.console;

import dev.stageport.identity.ConsoleSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The console's own filter chain, ahead of the API's: form sign-in, a session cookie
 * (path /console, so the API never even receives it), CSRF tokens on every form. It has
 * no bearer-token support at all, so an Authorization header counts for nothing here;
 * the API chain is stateless and ignores sessions. Single sign-on (OAuth2 login) is on
 * only when a provider is configured under spring.security.oauth2.client (docs/console.md).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String LOGIN = "/console/login";
    static final String SSO_START = "/console/oauth2/authorization";
    static final String SSO_CALLBACK = "/console/login/oauth2/code/*";

    @Bean
    @Order(0)
    SecurityFilterChain consoleChain(HttpSecurity http, ConsoleSignIn signIn,
                                     ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        AuthenticationFailureHandler failed = (request, response, e) -> response.sendRedirect(
                request.getContextPath() + LOGIN + (e instanceof ConsoleSignIn.Throttled ? "?throttled" : "?error"));
        ClientRegistrationRepository providers = registrations.getIfAvailable();
        http.securityMatcher("/console/**")
                .authenticationManager(new ProviderManager(signInMethods(signIn, providers != null)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(LOGIN, "/console/console.css", "/console/console.js", "/console/webjars/**",
                                "/console/denied", SSO_START + "/**", "/console/login/oauth2/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/console", false).failureHandler(failed))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?signedOut"))
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny()));
        if (providers != null) {
            http.oauth2Login(sso -> sso.loginPage(LOGIN)
                    .authorizationEndpoint(start -> start.baseUri(SSO_START))
                    .redirectionEndpoint(callback -> callback.baseUri(SSO_CALLBACK))
                    .defaultSuccessUrl("/console", false)
                    .failureHandler(failed));
        }
        return http.build();
    }

    /**
     * The chain's own authentication manager replaces the one oauth2Login would add its providers to,
     * so single sign-on's providers are listed here with the password sign-in.
     */
    private static List<AuthenticationProvider> signInMethods(ConsoleSignIn signIn, boolean singleSignOn) {
        if (!singleSignOn) {
            return List.of(signIn);
        }
        var tokens = new RestClientAuthorizationCodeTokenResponseClient();
        return List.of(signIn, new OidcAuthorizationCodeAuthenticationProvider(tokens, new OidcUserService()),
                new OAuth2LoginAuthenticationProvider(tokens, new DefaultOAuth2UserService()));
    }
}
