package dev.stageport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    @Test
    void anHttpsAddressGetsTheJdksDefaultTlsAndAPlainOneATlsContextOfItsOwn() throws Exception {
        assertThat(HttpClients.forUrl("https://odc.example.com").sslContext()).isSameAs(SSLContext.getDefault());
        assertThat(HttpClients.forUrl("HTTPS://odc.example.com")).isSameAs(HttpClients.forUrl("https://x"));
        assertThat(HttpClients.forUrl("http://127.0.0.1:8080").sslContext()).isNotSameAs(SSLContext.getDefault());
    }

    @Test
    void thePlainClientsTrustManagerRefusesEveryCertificate() {
        HttpClients.RefuseEveryCertificate trust = new HttpClients.RefuseEveryCertificate();
        assertThat(trust.getAcceptedIssuers()).isEmpty();
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[0], "RSA"))
                .isInstanceOf(CertificateException.class);
    }
}
