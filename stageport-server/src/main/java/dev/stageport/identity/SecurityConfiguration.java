package dev.stageport.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.stageport.errors.ErrorCode;
import dev.stageport.web.ProblemWriter;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Two filter chains. The authorization server owns {@code /identity/**} only: with
 * multiple issuers allowed the issuer follows the request path, so discovery,
 * token endpoint and JWKS all live under /identity. Everything else is the
 * resource server: a bearer JWT on {@code /api/**}, anonymous elsewhere (so an
 * unknown path gets a helpful 404 instead of a 401).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, ErrorCode.UNAUTHORIZED, describe(e));
        };
        AccessDeniedHandler denied = (request, response, e) ->
                problems.write(request, response, ErrorCode.FORBIDDEN, "Access denied.");
        http.securityMatcher(request -> !request.getRequestURI().startsWith("/identity/"))
                .authorizeHttpRequests(auth -> auth
                        // an upload URL carries its own secret, like a pre-signed URL (see UploadUrlService)
                        .requestMatchers(org.springframework.http.HttpMethod.PUT,
                                "/api/asset-repository/v1/uploads/*").permitAll()
                        // the description of Stageport's own API, like the ODC documents, is public
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/stageport/v1/openapi.json",
                                "/api/stageport/v1/openapi.json/**", "/api/stageport/v1/docs",
                                "/api/stageport/v1/swagger-ui/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/identity/**")
                .oauth2AuthorizationServer(as -> as
                        .oidc(Customizer.withDefaults())
                        .tokenEndpoint(token -> token.accessTokenResponseHandler(new TokenResponseHandler())))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * No observation (timer, trace span) around each of the chain's filters, its
     * authentication and its authorization: on a status poll those wrappers cost
     * more than the work they measure (see docs/benchmarks.md). Requests are still
     * timed as a whole by http.server.requests.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The default firewall, with a faster but equivalent header value check ({@link HeaderValues}). */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderValues.NAMES);
        firewall.setAllowedHeaderValues(HeaderValues.VALUES);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new NoStoreAuthorizationService();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        keys.checkMasterKey();
        return new SigningKeySource(keys::load);
    }

    /** Expiry and not-before are checked against the server's clock, which the emulator can move. */
    @Bean
    CachingJwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, java.time.Clock clock,
                                 TokenGenerations generations) {
        JwtDecoder verifying = OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        if (verifying instanceof NimbusJwtDecoder nimbus) {
            JwtTimestampValidator timestamps = new JwtTimestampValidator();
            timestamps.setClock(clock);
            nimbus.setJwtValidator(JwtValidators.createDefaultWithValidators(timestamps));
        }
        return new CachingJwtDecoder(verifying, clock, generations);
    }

    /** Tokens are issued at the server's clock's time (the default generator reads the system time). */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JWKSource<SecurityContext> jwkSource, java.time.Clock clock,
                                                     TokenGenerations generations) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwt.setClock(clock);
        jwt.setJwtCustomizer(context -> context.getClaims().claim(TokenGenerations.CLAIM, generations.current()));
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(),
                new OAuth2RefreshTokenGenerator());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ClientSecrets.ENCODING_ID,
                Map.of(ClientSecrets.ENCODING_ID, new MachineSecretEncoder()));
    }

    private static String describe(Exception e) {
        if (e instanceof InvalidBearerTokenException) {
            return "The bearer token is malformed, expired or not signed by this server.";
        }
        return "A bearer access token is required: send 'Authorization: Bearer <token>' with a token from "
                + "/identity/oauth2/token.";
    }
}
