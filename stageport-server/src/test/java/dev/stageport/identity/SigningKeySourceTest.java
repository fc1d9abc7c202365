package dev.stageport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SigningKeySourceTest {

    private final AtomicInteger loads = new AtomicInteger();

    private JWKSet countedLoad() {
        loads.incrementAndGet();
        try {
            return new JWKSet(new RSAKeyGenerator(2048).keyID("k1").generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theKeyIsNotReadOrGeneratedUntilItIsFirstUsed() throws Exception {
        SigningKeySource source = new SigningKeySource(this::countedLoad);
        assertThat(loads).hasValue(0);

        var keys = source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);

        assertThat(keys).extracting(k -> k.getKeyID()).containsExactly("k1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void manyFirstUsesAtOnceReadTheKeyOnceAndAllSeeTheSameKey() throws Exception {
        SigningKeySource source = new SigningKeySource(this::countedLoad);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<JWKSet> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(source.keys());
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(loads).hasValue(1);
        assertThat(seen).hasSize(8).allSatisfy(set -> assertThat(set).isSameAs(seen.get(0)));
    }
}
