package dev.stageport.client;

import java.net.http.HttpClient;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * One HTTP client per scheme. Building a client sets up TLS: the JDK's default TLS context reads and
 * parses its whole trust store, and any context of the JDK's TLS provider initialises that provider
 * and works out its default protocols and cipher suites, a measurable part of a short CLI run against
 * a local {@code http://} server. So the {@code https} client is built only when an https address is
 * used, and the plain one carries a TLS context of its own that can make no TLS connection at all: it
 * never speaks TLS (redirects are not followed), and if it ever had to, the attempt fails instead of
 * trusting anything. The plain one also speaks HTTP/1.1 from the start: by default the first plain
 * request carries an offer to upgrade to HTTP/2 with its settings, which Stageport does not take up.
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
                .version(HttpClient.Version.HTTP_1_1).sslContext(new NoTls()).sslParameters(new SSLParameters())
                .build();
    }

    /** A TLS context whose every use fails: the plain client's, which must never make a TLS connection. */
    static final class NoTls extends SSLContext {
        NoTls() {
            super(new Refusing(), new Provider("stageport-no-tls", "1", "a TLS context that refuses every use") {
            }, "TLS");
        }
    }

    private static final class Refusing extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("the plain-http client makes no TLS connections");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
