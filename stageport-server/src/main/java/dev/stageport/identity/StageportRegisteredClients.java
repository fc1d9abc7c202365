package dev.stageport.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Presents our API clients to the authorization server. Only active clients
 * exist for it, and only while their secret has not expired by the server's clock.
 */
@Component
public class StageportRegisteredClients implements RegisteredClientRepository {

    /** ODC tokens live 12 hours whatever the secret's expiry. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(12);

    private static final TokenSettings TOKEN_SETTINGS = TokenSettings.builder()
            .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .build();

    private final ApiClientRepository clients;
    private final Clock clock;

    public StageportRegisteredClients(ApiClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are managed by Stageport, not the token endpoint");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        Optional<ApiClient> found = clients.find(clientId);
        if (found.isEmpty() || found.get().status() != ApiClient.Status.ACTIVE) {
            return null;
        }
        ApiClient client = found.get();
        if (client.secretExpiresAt() != null && !clock.instant().isBefore(client.secretExpiresAt())) {
            // the authorization server checks the expiry against the system time; ours follows the
            // server's clock (the emulator's can be moved), so an expired secret is no client at all
            return null;
        }
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(client.secretHash())
                .clientIdIssuedAt(client.createdAt())
                .clientSecretExpiresAt(client.secretExpiresAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TOKEN_SETTINGS)
                .build();
    }
}
