package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.TestBundles;
import dev.stageport.support.Api;
import dev.stageport.support.EmulatorServerTest;
import dev.stageport.support.OdcContract;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultRulesTest extends EmulatorServerTest {

    @Test
    void aRuleAnswers201WithItsKeyFiresTheGivenTimesAndIsListedWithItsCounts() {
        JsonNode rule = addFault("""
                {"method":"GET","path":"/api/stageport/v1/environments/{key}/policy","status":503,"times":1,"after":1}""");
        String key = rule.get("key").asString();
        assertThat(UUID.fromString(key)).isNotNull();
        String qa = "/api/stageport/v1/environments/" + QA + "/policy";

        assertThat(api.get(qa).status()).as("'after' skips the first call").isEqualTo(200);
        HttpResponse<String> faulted = raw("GET", qa, null);
        assertThat(faulted.statusCode()).isEqualTo(503);
        OdcContract.verify(faulted, faulted.body());
        JsonNode problem = Api.JSON.readTree(faulted.body());
        assertThat(problem.get("errorCode").asString()).isEqualTo("ServiceUnavailable");
        assertThat(problem.get("traceId").asString()).isNotBlank();
        assertThat(api.get(qa).status()).as("'times' 1 fired once").isEqualTo(200);

        JsonNode listed = api.get(EMULATOR + "/faults").json().get("results").get(0);
        assertThat(listed.get("key").asString()).isEqualTo(key);
        assertThat(listed.get("matched").asInt()).isEqualTo(3);
        assertThat(listed.get("fired").asInt()).isEqualTo(1);
        assertThat(listed.get("path").asString()).isEqualTo("/api/stageport/v1/environments/{key}/policy");
    }

    @Test
    void a429CarriesRetryAfterAndTheProblemDetailsOfARealRateLimit() {
        addFault("""
                {"method":"GET","path":"/api/builds/v1/build-operations","status":429,"retryAfterSeconds":7}""");
        HttpResponse<String> faulted = raw("GET", "/api/builds/v1/build-operations", null);
        assertThat(faulted.statusCode()).isEqualTo(429);
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(faulted.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        OdcContract.verify(faulted, faulted.body());
        assertThat(Api.JSON.readTree(faulted.body()).get("errorCode").asString()).isEqualTo("TooManyRequests");
    }

    @Test
    void aCallWithoutAValidTokenIsRefusedAsAlwaysNotFaulted() {
        addFault("""
                {"method":"GET","path":"/api/builds/v1/build-operations","status":500}""");
        assertThat(api.withToken("not-a-token").get("/api/builds/v1/build-operations").status()).isEqualTo(401);
    }

    @Test
    void oneRuleOrAllRulesAreDeleted() {
        String first = addFault("{\"method\":\"GET\",\"path\":\"/api/builds/v1/build-operations\",\"status\":500}")
                .get("key").asString();
        addFault("{\"method\":\"DELETE\",\"path\":\"/api/stageport/v1/api-clients/{clientId}\",\"status\":409}");
        assertThat(api.delete(EMULATOR + "/faults/" + first).status()).isEqualTo(204);
        assertThat(api.get(EMULATOR + "/faults").json().get("results")).hasSize(1);
        api.delete(EMULATOR + "/faults/" + first).problem(404);
        assertThat(api.delete(EMULATOR + "/faults").status()).isEqualTo(204);
        assertThat(api.get(EMULATOR + "/faults").json().get("results")).isEmpty();
        assertThat(api.get("/api/builds/v1/build-operations").status()).isEqualTo(200);
    }

    @Test
    void badRulesAre400NamingTheField() {
        String path = "\"path\":\"/api/builds/v1/build-operations\"";
        assertProblemNames("{\"method\":\"GET\"," + path + ",\"status\":200}", "'status'");
        assertProblemNames("{\"method\":\"GET\"," + path + ",\"status\":999}", "'status'");
        assertProblemNames("{\"method\":\"GET\",\"path\":\"/api/builds/v1/no-such-thing/{key}\",\"status\":500}",
                "'path'");
        assertProblemNames("{\"method\":\"PUT\"," + path + ",\"status\":500}", "'path'");
        assertProblemNames("{\"method\":\"GET\"," + path + ",\"status\":500,\"times\":-1}", "'times'");
        assertProblemNames("{\"method\":\"GET\"," + path + ",\"status\":500,\"after\":-2}", "'after'");
        assertProblemNames("{\"method\":\"GET\"," + path + ",\"status\":500,\"probability\":1.5}", "'probability'");
        assertProblemNames("{\"method\":\"BREW\"," + path + ",\"status\":500}", "'method'");
        assertProblemNames("{\"operation\":\"Deploy\",\"failAtStep\":\"Compile\"}", "'failAtStep'");
        assertProblemNames("{\"operation\":\"Undeploy\",\"failAtStep\":\"HealthCheck\"}", "'failAtStep'");
        assertProblemNames("{\"operation\":\"Redeploy\",\"failAtStep\":\"HealthCheck\"}", "'operation'");
        assertProblemNames("{\"operation\":\"Deploy\",\"failAtStep\":\"HealthCheck\",\"environmentKey\":\"qa\"}",
                "'environmentKey'");
        assertThat(api.get(EMULATOR + "/faults").json().get("results")).isEmpty();
    }

    private void assertProblemNames(String body, String field) {
        JsonNode problem = api.post(EMULATOR + "/faults", body).problem(400);
        assertThat(problem.get("detail").asString()).as(body).contains(field);
    }

    /** The pipeline: the third Deploy to Production answers 429 and the next one fails at HealthCheck. */
    @Test
    void theThirdDeployAnswers429AndTheNextOneFailsAtHealthCheck() throws Exception {
        TestApp app = newApp();
        addFault("""
                {"method":"POST","path":"/api/deployments/v1/deployment-operations","status":429,
                 "retryAfterSeconds":5,"after":2,"times":1}""");
        addFault("""
                {"operation":"Deploy","environmentKey":"%s","assetKey":"%s","failAtStep":"HealthCheck",
                 "message":"readiness probe failed","after":2}""".formatted(PRODUCTION, app.key()));
        String body = deployBody(PRODUCTION, app.key(), app.release1(), 1);

        String first = api.post(OPS, body).json().get("key").asString();
        assertThat(awaitEnd(first).get("status").asString()).isEqualTo("Finished");
        String second = api.post(OPS, body).json().get("key").asString();
        assertThat(awaitEnd(second).get("status").asString()).isEqualTo("Finished");
        HttpResponse<String> third = raw("POST", OPS, body);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
        Api.Response fourth = api.post(OPS, body);
        assertThat(fourth.status()).as(fourth.body()).isEqualTo(201);
        String failed = fourth.json().get("key").asString();
        assertThat(awaitEnd(failed).get("status").asString()).isEqualTo("FinishedWithError");
        JsonNode error = lastMessage(failed);
        assertThat(error.get("message").asString()).contains("readiness probe failed");
        assertThat(error.get("additionalInfo").get("stepId").asString()).isEqualTo("HealthCheck");

        List<JsonNode> posts = journal("POST", OPS);
        assertThat(posts).extracting(e -> e.get("status").asInt()).containsExactly(201, 201, 429, 201);
        assertThat(posts).extracting(e -> e.path("operationKey").asString(null))
                .containsExactly(first, second, null, failed);
        assertThat(posts).allSatisfy(e -> assertThat(e.get("clientId").asString()).isEqualTo(CLIENT_ID));
    }

    @Test
    void aBuildRuleEndsTheNextBuildOfTheAssetWithErrors() throws Exception {
        UUID asset = upload(TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Faulted build",
                "[]")));
        addFault("{\"buildFails\":true,\"assetKey\":\"" + asset + "\",\"message\":\"compiler crashed\"}");
        String build = api.post("/api/builds/v1/build-operations", "{\"assetKey\":\"" + asset
                + "\",\"assetRevision\":1,\"buildType\":\"Release\"}").json().get("buildKey").asString();
        JsonNode done = awaitStatus(api, "/api/builds/v1/build-operations/" + build, "Pending", "Running");
        assertThat(done.get("status").asString()).isEqualTo("FinishedWithErrors");
        assertThat(api.get("/api/builds/v1/build-operations/" + build + "/log-messages").body())
                .contains("compiler crashed");
        JsonNode rule = api.get(EMULATOR + "/faults").json().get("results").get(0);
        assertThat(rule.get("fired").asInt()).isEqualTo(1);
        assertThat(rule.get("failAtStep").asString()).isEqualTo("Package");
    }

    @Test
    void aRuleAddedInCodeActsLikeOnePostedOverHttp() {
        faults.add(new FaultSpec("GET", "/api/builds/v1/build-operations", 500, null, null, 1, null, null, null, null,
                null, null, null, null));
        assertThat(raw("GET", "/api/builds/v1/build-operations", null).statusCode()).isEqualTo(500);
        assertThat(api.get("/api/builds/v1/build-operations").status()).isEqualTo(200);
    }

    private JsonNode lastMessage(String op) {
        JsonNode results = api.get(OPS + "/" + op + "/messages").json().get("results");
        JsonNode last = null;
        for (JsonNode m : results) {
            if ("Error".equals(m.path("severity").asString(null)) || last == null) {
                last = m;
            }
        }
        return last;
    }
}
