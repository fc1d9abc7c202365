package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Event streams and long polls hold no HTTP observation; every other request is still timed. */
class FollowerObservationsTest {

    private static final String OPS = "/api/deployments/v1/deployment-operations/k1";

    private final ObservationPredicate predicate = new FollowerObservations().followersAreNotTimed();

    @Test
    void anEventStreamAndALongPollAreNotTimed() {
        assertThat(timed("GET", OPS + "/events", null)).isFalse();
        assertThat(timed("GET", OPS, "waitSeconds=30")).isFalse();
    }

    @Test
    void aPlainGetAPostAndOtherObservationsAreStillTimed() {
        assertThat(timed("GET", OPS, null)).isTrue();
        assertThat(timed("POST", OPS + "/events", null)).isTrue();
        assertThat(predicate.test("stageport.other", new Observation.Context())).isTrue();
    }

    private boolean timed(String method, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        return predicate.test("http.server.requests",
                new ServerRequestObservationContext(request, new MockHttpServletResponse()));
    }
}
