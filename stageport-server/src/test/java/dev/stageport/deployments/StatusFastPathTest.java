package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.ApiClient;
import dev.stageport.identity.CallerDirectory;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Polls of finished operations answered before the security chain, and everything it must leave alone. */
class StatusFastPathTest extends DeploymentTestSupport {

    @Autowired
    MeterRegistry meters;
    @Autowired
    CallerDirectory callers;

    private String finishedInQa;

    @BeforeEach
    void finishedOperation() {
        TestApp app = newApp();
        finishedInQa = start(deployBody(DemoData.QA, app.key(), app.release1(), 1));
        assertThat(awaitEnd(finishedInQa).get("status").asString()).isEqualTo("Finished");
    }

    private double answered() {
        return meters.counter("stageport.status.fast.path").count();
    }

    private HttpResponse<String> poll(String token, String path, String... headers) {
        return StatusPolls.poll(baseUrl(), token, path, headers);
    }

    @Test
    void secondPollOfAFinishedOperationIsAnsweredEarlyWithTheSameStatusHeadersAndBody() {
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        double before = answered();
        // a token seen for the first time is verified by the security chain
        HttpResponse<String> full = poll(client.token(), OPS + "/" + finishedInQa);
        assertThat(answered()).isEqualTo(before);
        HttpResponse<String> fast = poll(client.token(), OPS + "/" + finishedInQa);
        assertThat(answered()).isEqualTo(before + 1);

        assertThat(fast.statusCode()).isEqualTo(full.statusCode()).isEqualTo(200);
        assertThat(fast.body()).isEqualTo(full.body()).contains("\"status\":\"Finished\"");
        assertThat(StatusPolls.headersWithoutDate(fast)).isEqualTo(StatusPolls.headersWithoutDate(full));
    }

    @Test
    void pollWithoutStageViewOnTheOperationsStageThen403EvenWithAVerifiedToken() {
        Api client = clientWith(Map.of(Permission.STAGE_VIEW, Set.of(DemoData.PRODUCTION)));
        double before = answered();
        poll(client.token(), OPS + "/" + finishedInQa);
        HttpResponse<String> second = poll(client.token(), OPS + "/" + finishedInQa);
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(second.body()).contains("lacks the permission");
        assertThat(answered()).isEqualTo(before);
    }

    @Test
    void suspendedClientsVerifiedTokenThen401() {
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        poll(client.token(), OPS + "/" + finishedInQa);
        assertThat(poll(client.token(), OPS + "/" + finishedInQa).statusCode()).isEqualTo(200);
        String id = StatusPolls.subject(client.token());
        ApiClient current = clients.find(id).orElseThrow();
        clients.upsert(new ApiClient(id, current.name(), null, current.secretHash(), current.secretExpiresAt(),
                ApiClient.Status.SUSPENDED, current.createdAt()), Map.of());
        callers.forget(id);
        assertThat(poll(client.token(), OPS + "/" + finishedInQa).statusCode()).isEqualTo(401);
    }

    @Test
    void unusualRequestsTakeTheFullPath() {
        Api client = clientWith(everywhere(Permission.STAGE_VIEW));
        poll(client.token(), OPS + "/" + finishedInQa);
        double before = answered();
        HttpResponse<String> upper = poll(client.token(), OPS + "/" + finishedInQa.toUpperCase());
        assertThat(upper.statusCode()).as(upper.body()).isEqualTo(200);
        assertThat(poll(client.token(), OPS + "/" + finishedInQa + "?waitSeconds=1").statusCode()).isEqualTo(200);
        // the controller answers JSON whatever the Accept header says; the fast path leaves it to decide
        assertThat(poll(client.token(), OPS + "/" + finishedInQa, "Accept", "application/xml").statusCode())
                .isEqualTo(200);
        assertThat(poll(client.token() + "x", OPS + "/" + finishedInQa).statusCode()).isEqualTo(401);
        assertThat(answered()).isEqualTo(before);
    }
}
