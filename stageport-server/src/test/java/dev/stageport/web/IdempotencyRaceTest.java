package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interleavings of two requests with the same Idempotency-Key, played deterministically:
 * the repository fake lets "the other request" act between two steps of ours.
 */
class IdempotencyRaceTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final String PATH = "/api/stageport/v1/api-clients";
    static final String BODY = "{\"name\":\"x\"}";
    static final String HASH = IdempotencyFilter.hash(PATH, BODY.getBytes(StandardCharsets.UTF_8));

    final AtomicInteger handled = new AtomicInteger();

    @BeforeEach
    void authenticate() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("client", null, List.of()));
    }

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anExpiredRecordReplacedByAFreshClaimMeanwhileIsNotDeletedAndTheRetryIsToldItIsStillRunning()
            throws Exception {
        FakeRecords records = new FakeRecords();
        records.put(new IdempotencyRepository.Record(HASH, 201, "application/json", "{}", NOW.minusSeconds(1)));
        // right after our first look, the other request forgets the expired record and claims the key
        records.afterFirstFind = () -> records.put(new IdempotencyRepository.Record(HASH, null, null, null,
                NOW.plus(Duration.ofHours(24))));

        MockHttpServletResponse response = post(records);

        assertThat(handled).as("the work ran a second time").hasValue(0);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(records.stored).as("the other request's claim").isNotNull();
        assertThat(records.stored.status()).isNull();
    }

    @Test
    void aClaimGivenUpBetweenOurInsertAndOurSecondLookIsTakenOverInsteadOfAnswering500() throws Exception {
        FakeRecords records = new FakeRecords();
        // the other request holds the key when we try to claim it, and gives it up (a 5xx) right after
        records.refuseFirstStart = true;

        MockHttpServletResponse response = post(records);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(handled).hasValue(1);
        assertThat(records.stored.status()).isEqualTo(201);
    }

    private MockHttpServletResponse post(FakeRecords records) throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(records, new ProblemWriter(JsonMapper.builder().build()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        request.addHeader(IdempotencyFilter.HEADER, "key-1");
        request.setContentType("application/json");
        request.setContent(BODY.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            handled.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
            res.getWriter().write("{}");
        });
        return response;
    }

    /** One client, one key: the record (or null) and hooks for the other request's moves. */
    static final class FakeRecords extends IdempotencyRepository {
        IdempotencyRepository.Record stored;
        Runnable afterFirstFind = () -> { };
        boolean refuseFirstStart;
        private int finds;

        FakeRecords() {
            super(null);
        }

        void put(IdempotencyRepository.Record record) {
            stored = record;
        }

        @Override
        public Optional<Record> find(String clientId, String key) {
            Optional<Record> seen = Optional.ofNullable(stored);
            if (finds++ == 0) {
                afterFirstFind.run();
            }
            return seen;
        }

        @Override
        public boolean start(String clientId, String key, String hash, Instant now, Instant expiresAt) {
            if (refuseFirstStart) {
                refuseFirstStart = false;
                return false;
            }
            if (stored != null) {
                return false;
            }
            stored = new Record(hash, null, null, null, expiresAt);
            return true;
        }

        @Override
        public void complete(String clientId, String key, int status, String contentType, String body) {
            stored = new Record(stored.requestHash(), status, contentType, body, stored.expiresAt());
        }

        @Override
        public void release(String clientId, String key) {
            stored = null;
        }

        @Override
        public void forgetIfExpired(String clientId, String key, Instant now) {
            if (stored != null && !stored.expiresAt().isAfter(now)) {
                stored = null;
            }
        }

        @Override
        public int forgetExpired(Instant now) {
            return 0;
        }
    }
}
