package dev.stageport.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.secrets.SecretCipher;
import java.time.Duration;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The pure parts of the process driver: backoff, settings and the variable naming scheme. */
class ProcessDriverUnitTest {

    @Test
    void backoffDoublesFromOneSecondAndStopsAtAMinute() {
        assertThat(Backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.delay(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.delay(1000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void settingsDefaultWhenEmptyAndRefuseUnknownOrOutOfRangeFields() {
        assertThat(ProcessSettings.parse(null)).isEqualTo(ProcessSettings.DEFAULTS);
        assertThat(ProcessSettings.parse("{\"healthTimeoutSeconds\":7,\"stepMillis\":20}").healthTimeout())
                .isEqualTo(Duration.ofSeconds(7));
        assertThatThrownBy(() -> ProcessSettings.parse("{\"maxRestarts\":-1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRestarts");
        assertThatThrownBy(() -> ProcessSettings.parse("{\"drainMillis\":\"2s\"}"))
                .hasMessageContaining("drainMillis");
        assertThatThrownBy(() -> ProcessSettings.parse("not json")).hasMessageContaining("not valid JSON");
    }

    @Test
    void stopAppsOnExitIsOnOrOffAndAnythingElseStopsTheStartNamingTheVariable() {
        assertThat(StopAppsOnExit.parse("off")).isFalse();
        assertThat(StopAppsOnExit.parse(" ON ")).isTrue();
        assertThatThrownBy(() -> StopAppsOnExit.parse("yes"))
                .isInstanceOf(dev.stageport.startup.StartupProblem.class)
                .hasMessage("STAGEPORT_STOP_APPS_ON_EXIT='yes' is not a valid value for stageport.stop-apps-on-exit: "
                        + "expected on or off.");
    }

    @Test
    void variablesFollowTheNamingSchemeAndSecretsStayOutOfTheDocument() {
        SecretCipher cipher = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));
        String snapshot = """
                {"settings/GreetingText":{"value":"Hi","secret":false,"origin":"x"},
                 "settings/ApiToken":{"value":"%s","secret":true,"origin":"x"},
                 "timers/Nightly-Cleanup/IsActive":{"value":"true","secret":false,"origin":"x"},
                 "integrations/WeatherApi/BaseURL":{"value":"https://example.com","secret":false,"origin":"x"},
                 "integrations/WeatherApi/Key":{"value":"%s","secret":true,"origin":"x"},
                 "libraries/a0000000-0000-4000-8000-000000000009/settings/Color":{"value":"red","secret":false},
                 "systemConfigurations/LogLevel":{"value":null,"secret":false}}"""
                .formatted(cipher.encryptText("tok"), cipher.encryptText("key"));
        ConfigEnvironment env = ConfigEnvironment.from(snapshot, cipher);
        assertThat(env.variables())
                .containsEntry("STAGEPORT_SETTING_GREETINGTEXT", "Hi")
                .containsEntry("STAGEPORT_SETTING_APITOKEN", "tok")
                .containsEntry("STAGEPORT_SECRET_APITOKEN", "1")
                .containsEntry("STAGEPORT_TIMER_NIGHTLY_CLEANUP_ISACTIVE", "true")
                .containsEntry("STAGEPORT_INTEGRATION_WEATHERAPI_BASEURL", "https://example.com")
                .containsEntry("STAGEPORT_INTEGRATION_WEATHERAPI_KEY", "key")
                .containsEntry("STAGEPORT_SECRET_INTEGRATION_WEATHERAPI_KEY", "1")
                .containsEntry("STAGEPORT_LIBRARY_A0000000_0000_4000_8000_000000000009_SETTING_COLOR", "red")
                .doesNotContainKey("STAGEPORT_SYSTEM_LOGLEVEL");
        assertThat(env.documentJson()).contains("\"settings/GreetingText\":\"Hi\"").contains("settings/ApiToken")
                .doesNotContain("tok\"").doesNotContain("\"key\"");
    }
}
