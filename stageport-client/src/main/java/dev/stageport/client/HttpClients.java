package dev.stageport.client;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One HTTP client per scheme. Building a client sets up TLS, and the JDK's default TLS context reads
 * and parses its whole trust store: a measurable part of a short CLI run against a local
 * {@code http://} server. So the {@code https} client is built only when an https address is used,
 * and the plain one carries a TLS context that trusts no certificate at all: it never speaks TLS
 * (redirects are not followed), and if it ever had to, the handshake would fail instead of
 * trusting anything.
 */
final class HttpClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpClients() {
    }

    static HttpClient forUrl(String url) {
        return url.regionMatches(true, 0, "https:", 0, 6) ? Secure.CLIENT : Plain.CLIENT;
    }

    private static final class Secure {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    private static final class Plain {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .sslContext(trustingNothing()).build();
    }

    private static SSLContext trustingNothing() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[] {new RefuseEveryCertificate()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS implementation in this JDK", e);
        }
    }

    static final class RefuseEveryCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the plain-http client trusts no certificate");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the plain-http client trusts no certificate");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
