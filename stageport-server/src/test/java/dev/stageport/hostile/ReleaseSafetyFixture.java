package dev.stageport.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.support.Api;
import dev.stageport.support.ServerTest.TestApp;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The release-safety part of the hostile fixture: a freeze window and a waiting approval on QA and Production. */
final class ReleaseSafetyFixture {

    private ReleaseSafetyFixture() {
    }

    /** A window far in the future per stage, so it freezes nothing while the sweep runs. */
    static Map<String, String> freezeWindows(Api api) {
        return Map.of(DemoData.QA, freezeWindow(api, DemoData.QA), DemoData.PRODUCTION,
                freezeWindow(api, DemoData.PRODUCTION));
    }

    /** A Deploy per stage (of an app of its own) waiting for one approval; the policies are empty again after. */
    static Map<String, String> approvals(Api api, TestApp forQa, TestApp forProduction) {
        return Map.of(DemoData.QA, approval(api, DemoData.QA, forQa), DemoData.PRODUCTION,
                approval(api, DemoData.PRODUCTION, forProduction));
    }

    private static String freezeWindow(Api api, String stage) {
        Api.Response r = api.post("/api/stageport/v1/environments/" + stage + "/freeze-windows",
                "{\"name\":\"fixture\",\"start\":\"2098-01-01T00:00:00Z\",\"end\":\"2098-01-02T00:00:00Z\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    private static String approval(Api api, String stage, TestApp app) {
        String policy = "/api/stageport/v1/environments/" + stage + "/policy";
        assertThat(api.put(policy, "{\"requiredApprovals\":1}").status()).isEqualTo(200);
        try {
            Api.Response r = api.post(HostileSupport.OPS, "{\"operation\":\"Deploy\",\"assetKey\":\"" + app.key()
                    + "\",\"buildKey\":\"" + app.release1() + "\",\"revision\":1,\"environmentKey\":\"" + stage
                    + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String op = r.json().get("key").asString();
            for (JsonNode a : api.get("/api/stageport/v1/approvals?status=Pending").json().get("results")) {
                if (a.get("operationKey").asString().equals(op)) {
                    return a.get("key").asString();
                }
            }
            throw new AssertionError("no approval for " + op);
        } finally {
            api.put(policy, "{}");
        }
    }
}
