package dev.stageport.runtime.process;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The process driver's one HTTP client for its instances on loopback (health checks and gate
 * probes). Built at the first call, not while the server starts: a client starts a selector thread,
 * and building it took about 1.5 % of the start's main thread (docs/benchmarks.md, "Start-up profile").
 */
final class LoopbackHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private LoopbackHttp() {
    }

    static HttpClient client() {
        return Holder.CLIENT;
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1).build();
    }
}
