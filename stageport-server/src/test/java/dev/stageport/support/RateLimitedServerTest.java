package dev.stageport.support;

import dev.stageport.web.RateLimitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The server with tiny rate limits, shared by every test of the limits (one server for them all, not one
 * each): the suite's other requests cannot use them up, and each test starts with every window empty, so
 * what an earlier test spent does not count against it.
 */
@TestPropertySource(properties = {
    "stageport.rate-limits.mode=on",
    "stageport.rate-limits.domain-per-minute=" + RateLimitedServerTest.DOMAIN_PER_MINUTE,
    "stageport.rate-limits.post-per-minute=" + RateLimitedServerTest.POST_PER_MINUTE
})
public abstract class RateLimitedServerTest extends ServerTest {

    public static final int DOMAIN_PER_MINUTE = 6;
    public static final int POST_PER_MINUTE = 2;

    @Autowired
    private RateLimitRepository windows;

    @BeforeEach
    void emptyWindows() {
        windows.forgetBefore(Long.MAX_VALUE);
    }
}
