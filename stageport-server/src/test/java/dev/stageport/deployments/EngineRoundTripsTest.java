package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.OneTickServerTest;
import dev.stageport.support.StatementCounter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database round trips of one Deploy from POST to Finished on the simulated runtime with
 * zero step time (the engine throughput scenario of bench/). The bounds sit just above what the
 * engine needs today, so a change that adds round trips per operation fails here; the counts by
 * kind are printed for docs/benchmarks.md. The one-tick server counts for every test that shares it, but
 * only between start and stop, and only this test's threads are counted.
 */
class EngineRoundTripsTest extends OneTickServerTest {

    /**
     * Upper bounds, one above the counts (POST 10 statements in 2 transactions, engine 42 in 26; before
     * the simulated runtime's call records joined the step boundaries' transactions the engine made 42
     * in 30, before the POST's checks shared its insert's transaction it made 8 transactions, before the
     * immutable lookups were read once the POST made 11 statements and the engine 45 in 32, and before
     * the step boundary became one UPDATE the engine made 65 in 58): a change that lowers the counts
     * should lower these with it.
     */
    static final int POST_STATEMENTS = 11;
    static final int POST_TRANSACTIONS = 3;
    static final int ENGINE_STATEMENTS = 43;
    static final int ENGINE_TRANSACTIONS = 27;
    /**
     * Durable flushes of the embedded database (none on PostgreSQL): one before the POST's answer and
     * one after the end. The simulated runtime's effects are rows written with the step boundaries, so
     * the boundaries need none (a process or Kubernetes runtime adds five: after Provision, HealthCheck,
     * HealthGate and RetirePrevious, and Activate's completion; before that change the simulated
     * runtime made those too, and before 12-02 every commit was one, some 32 per Deploy).
     */
    static final int POST_FLUSHES = 1;
    static final int ENGINE_FLUSHES = 1;

    private static final String CHECKPOINT = "checkpoint";

    @Autowired
    DeploymentRepository operations;

    @Test
    void aRedeployOnTheSimulatedRuntimeStaysWithinItsRoundTrips() {
        TestApp app = newApp();
        zeroStepTime(app);
        finish(post(app)); // the measured one replaces this one, so it has a previous revision to retire

        StatementCounter.start();
        String key = post(app);
        List<StatementCounter.Event> posted = StatementCounter.stop();
        StatementCounter.start();
        assertThat(tick()).isTrue();
        List<StatementCounter.Event> ran = StatementCounter.stop();

        assertThat(operations.find(key).orElseThrow().status()).isEqualTo(OperationStatus.Finished);
        Predicate<String> request = thread -> thread.startsWith("http-nio");
        String engineThread = Thread.currentThread().getName();
        Predicate<String> engine = engineThread::equals;
        Map<String, Integer> post = StatementCounter.byKind(posted, request);
        Map<String, Integer> run = StatementCounter.byKind(ran, engine);
        int postFlushes = flushes(post);
        int engineFlushes = flushes(run);
        post.remove(CHECKPOINT);
        run.remove(CHECKPOINT);
        posted = withoutFlushes(posted);
        ran = withoutFlushes(ran);
        System.out.printf("POST: %d statements, %d transactions, %d durable flushes %s%n"
                        + "engine: %d statements, %d transactions, %d durable flushes %s%n",
                StatementCounter.statements(post), StatementCounter.transactions(posted, request), postFlushes, post,
                StatementCounter.statements(run), StatementCounter.transactions(ran, engine), engineFlushes, run);

        assertThat(postFlushes).as("POST durable flushes").isLessThanOrEqualTo(POST_FLUSHES);
        assertThat(engineFlushes).as("engine durable flushes").isLessThanOrEqualTo(ENGINE_FLUSHES);
        assertThat(StatementCounter.statements(post)).as("POST statements %s", post).isLessThanOrEqualTo(
                POST_STATEMENTS);
        assertThat(StatementCounter.transactions(posted, request)).as("POST transactions").isLessThanOrEqualTo(
                POST_TRANSACTIONS);
        assertThat(StatementCounter.statements(run)).as("engine statements %s", run).isLessThanOrEqualTo(
                ENGINE_STATEMENTS);
        assertThat(StatementCounter.transactions(ran, engine)).as("engine transactions").isLessThanOrEqualTo(
                ENGINE_TRANSACTIONS);
    }

    /** The durable flushes (the embedded database's CHECKPOINT), counted apart: PostgreSQL makes none. */
    private static int flushes(Map<String, Integer> byKind) {
        return byKind.getOrDefault(CHECKPOINT, 0);
    }

    private static List<StatementCounter.Event> withoutFlushes(List<StatementCounter.Event> events) {
        return events.stream().filter(e -> !e.what().equals(CHECKPOINT)).toList();
    }

    /** For this app only: the one-tick server is shared, and its other tests keep the stage's step time. */
    private void zeroStepTime(TestApp app) {
        Api.Response r = api.put("/api/stageport/v1/environments/" + DemoData.QA + "/assets/" + app.key()
                + "/simulation", "{\"stepMillis\": 0}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private String post(TestApp app) {
        Api.Response r = api.post(DeploymentTestSupport.OPS, DeploymentTestSupport.deployBody(DemoData.QA, app.key(),
                app.release1(), 1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    private void finish(String key) {
        tickUntilIdle();
        assertThat(operations.find(key).orElseThrow().status()).isEqualTo(OperationStatus.Finished);
    }
}
