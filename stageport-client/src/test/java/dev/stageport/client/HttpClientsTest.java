package dev.stageport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    @Test
    void anHttpsAddressGetsTheJdksDefaultTlsAndAPlainOneATlsContextOfItsOwn() throws Exception {
        assertThat(HttpClients.forUrl("https://odc.example.com").sslContext()).isSameAs(SSLContext.getDefault());
        assertThat(HttpClients.forUrl("HTTPS://odc.example.com")).isSameAs(HttpClients.forUrl("https://x"));
        assertThat(HttpClients.forUrl("http://127.0.0.1:8080").sslContext()).isInstanceOf(HttpClients.NoTls.class);
    }

    @Test
    void thePlainClientsTlsContextRefusesToMakeAnyTlsConnection() {
        SSLContext noTls = HttpClients.forUrl("http://127.0.0.1:8080").sslContext();

        assertThatThrownBy(noTls::createSSLEngine).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(noTls::getSocketFactory).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> noTls.init(null, null, null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void thePlainClientSpeaksHttp11AndTheSecureOneKeepsTheJdksDefault() {
        assertThat(HttpClients.forUrl("http://127.0.0.1:8080").version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(HttpClients.forUrl("https://odc.example.com").version()).isEqualTo(HttpClient.Version.HTTP_2);
    }
}
