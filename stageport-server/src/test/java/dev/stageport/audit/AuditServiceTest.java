package dev.stageport.audit;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

    @Test
    void aFailedAuditWriteIsLoggedAndNeverReachesTheAnsweredRequest() {
        AuditRepository broken = new AuditRepository(null) {
            @Override
            public void insert(AuditEvent event) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database is down");
            }
        };
        AuditEvent event = new AuditEvent(null, Instant.now(), "c", "127.0.0.1", "POST", "/api/x", null, null, 201,
                "t", 3, null);
        assertThatCode(() -> new AuditService(broken).record(event)).doesNotThrowAnyException();
    }
}
