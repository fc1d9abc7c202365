package dev.stageport.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookAddressesTest {

    private final WebhookAddresses strict = new WebhookAddresses(false);
    private final WebhookAddresses lab = new WebhookAddresses(true);

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/",
            "http://172.16.0.9/", "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/", "http://[::1]/hook", "http://[fd00::1]/", "http://100.64.0.1/"}) {
            assertThat(strict.refusal(url)).as(url).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("'url'").contains("STAGEPORT_WEBHOOK_ALLOW_PRIVATE=on"));
            assertThat(lab.refusal(url)).as(url).isEmpty();
        }
    }

    @Test
    void aPublicAddressIsAccepted() {
        assertThat(strict.refusal("https://93.184.216.34/hook")).isEmpty();
        assertThat(strict.refusal("http://[2606:2800:220:1:248:1893:25c8:1946]/hook")).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreAcceptedEvenWhenPrivateAddressesAreAllowed() {
        for (String url : new String[] {"ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)",
            "example.com/hook", "http:///nohost", "not a url", "", "https://user:pw@example.com/"}) {
            assertThat(lab.refusal(url)).as(url).hasValueSatisfying(problem -> assertThat(problem).contains("'url'"));
        }
        assertThat(lab.refusal(null)).isPresent();
    }
}
