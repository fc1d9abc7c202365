package dev.stageport.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.ui.ExtendedModelMap;

/** The sign-in page offers single sign-on exactly when a provider is configured. */
class SingleSignOnOfferTest {

    private static List<Object> offered(ClientRegistrationRepository registrations) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (registrations != null) {
            beans.addBean("registrations", registrations);
        }
        ExtendedModelMap model = new ExtendedModelMap();
        new SignInController(beans.getBeanProvider(ClientRegistrationRepository.class)).login(model);
        @SuppressWarnings("unchecked")
        List<Object> providers = (List<Object>) model.get("providers");
        return providers;
    }

    @Test
    void aConfiguredProviderIsOfferedWithItsNameAndTheConsolesOwnStartAddress() {
        ClientRegistration company = ClientRegistration.withRegistrationId("company").clientName("Company SSO")
                .clientId("stageport").clientSecret("s").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}").scope("openid")
                .authorizationUri("https://sso.example.com/auth").tokenUri("https://sso.example.com/token")
                .jwkSetUri("https://sso.example.com/jwks").userNameAttributeName("preferred_username").build();

        assertThat(offered(new InMemoryClientRegistrationRepository(company)))
                .containsExactly(new SignInController.Provider("Company SSO", "/console/oauth2/authorization/company"));
    }

    @Test
    void withoutAProviderOnlyThePasswordFormIsOffered() {
        assertThat(offered(null)).isEmpty();
    }
}
