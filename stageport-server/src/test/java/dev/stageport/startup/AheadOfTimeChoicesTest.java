package dev.stageport.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AheadOfTimeChoicesTest {

    @Test
    void theDefaultSettingsKeepTheBuildsBeanDefinitions() {
        MockEnvironment defaults = new MockEnvironment().withProperty(AheadOfTimeChoices.EMULATOR, "off")
                .withProperty(AheadOfTimeChoices.VIRTUAL_THREADS, "false");
        assertThat(AheadOfTimeChoices.differentFromTheBuild(defaults)).isEmpty();
        assertThat(AheadOfTimeChoices.differentFromTheBuild(new MockEnvironment())).isEmpty();
    }

    @Test
    void theEmulatorOnOrAnyValueButOffStartsWithoutThem() {
        assertThat(AheadOfTimeChoices.differentFromTheBuild(
                new MockEnvironment().withProperty(AheadOfTimeChoices.EMULATOR, "on"))).hasValueSatisfying(
                        reason -> assertThat(reason).contains("STAGEPORT_EMULATOR"));
        assertThat(AheadOfTimeChoices.differentFromTheBuild(
                new MockEnvironment().withProperty(AheadOfTimeChoices.EMULATOR, "maybe"))).isPresent();
        assertThat(AheadOfTimeChoices.differentFromTheBuild(
                new MockEnvironment().withProperty(AheadOfTimeChoices.EMULATOR, " OFF "))).isEmpty();
    }

    @Test
    void virtualThreadsStartWithoutThem() {
        assertThat(AheadOfTimeChoices.differentFromTheBuild(
                new MockEnvironment().withProperty(AheadOfTimeChoices.VIRTUAL_THREADS, "true"))).hasValueSatisfying(
                        reason -> assertThat(reason).contains("STAGEPORT_VIRTUAL_THREADS"));
    }

    @Test
    void aSingleSignOnProviderStartsWithoutThem() {
        MockEnvironment sso = new MockEnvironment()
                .withProperty(AheadOfTimeChoices.SINGLE_SIGN_ON + ".corp.client-id", "stageport")
                .withProperty(AheadOfTimeChoices.SINGLE_SIGN_ON + ".corp.client-secret", "s3cret");
        assertThat(AheadOfTimeChoices.differentFromTheBuild(sso)).hasValueSatisfying(
                reason -> assertThat(reason).contains("single sign-on"));
    }
}
