package dev.stageport.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Deployment and deletion analyses: who breaks when a revision reaches a stage, or when an asset goes. */
class DeploymentAnalysisTest extends DependencyTestSupport {

    private static final String CUSTOMER_WITHOUT_EMAIL = """
            {"key": "Customer", "name": "Customer", "type": "Entity",
             "signature": {"attributes": [{"name": "Id", "dataType": "Identifier", "isMandatory": true},
                                          {"name": "Name", "dataType": "Text"}]}}""";
    private static final String GREETING_WITH_OPTIONAL_INPUT = """
            {"key": "GetGreeting", "name": "GetGreeting", "type": "ServiceAction",
             "signature": {"inputs": [{"name": "Name", "dataType": "Text", "isMandatory": true},
                                      {"name": "Language", "dataType": "Text"}],
                           "outputs": [{"name": "Greeting", "dataType": "Text"}]}}""";

    private String launch(Api client, UUID asset, int revision, String stage) {
        Api.Response r = client.post(DM + "/deployment-analyses", "{\"assetKey\": \"" + asset + "\", \"revision\": "
                + revision + ", \"environmentKey\": \"" + stage + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("analysisKey").asString();
    }

    private JsonNode result(String kind, String key) {
        JsonNode result = ok(api.get(DM + "/" + kind + "/" + key));
        assertThat(result.get("processStatus").asString()).isEqualTo("Finished");
        return result;
    }

    @Test
    void aLibraryRevisionThatDropsWhatAQaAppUsesBreaksThatApp() throws Exception {
        UUID library = UUID.randomUUID();
        String name = unique("Shared lib");
        uploadManifest(library(library, name, "[]", "[" + GREETING_ACTION + ", " + CUSTOMER_ENTITY + "]", "[]"));
        UUID consumer = uploadManifest(app(UUID.randomUUID(), unique("QA app"), "[" + lib(library, 1) + "]", "[]",
                "[" + uses(library, "GetGreeting", "Customer") + "]"));
        deployedIn(DemoData.QA, consumer, 1);
        uploadManifest(library(library, name, "[]", "[" + CUSTOMER_WITHOUT_EMAIL + "]", "[]"));
        uploadManifest(library(library, name, "[]", "[" + GREETING_WITH_OPTIONAL_INPUT + ", " + CUSTOMER_ENTITY
                + "]", "[]"));

        String key = launch(api, library, 2, DemoData.QA);
        JsonNode result = result("deployment-analyses", key);
        assertThat(result.get("type").asString()).isEqualTo("Deployment");
        assertThat(result.get("assetKey").asString()).isEqualTo(library.toString());
        assertThat(result.get("environmentKey").asString()).isEqualTo(DemoData.QA);
        assertThat(result.has("error")).isFalse();
        JsonNode report = result.get("report");
        assertThat(report.get("status").asString()).isEqualTo("ErrorsFound");
        JsonNode app = byKey(report.get("impactedAssets"), consumer);
        assertThat(app.get("referenceType").asString()).isEqualTo("Consumer");
        assertThat(app.get("revision").asInt()).isEqualTo(1);
        JsonNode issues = app.get("elementLevelIssues");
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.get("name").asString()).isEqualTo("GetGreeting");
            assertThat(i.get("conflictType").asString()).isEqualTo("MissingElement");
            assertThat(i.get("incompatibilityType").asString()).isEqualTo("MissingServiceAction");
            assertThat(i.get("conflictSeverity").asString()).isEqualTo("Error");
        });
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.get("name").asString()).isEqualTo("Customer");
            assertThat(i.get("conflictType").asString()).isEqualTo("IncompatibleElement");
            assertThat(i.get("incompatibilityType").asString()).isEqualTo("EntityAttributeMismatch");
            assertThat(i.get("hint").asString()).contains("Email");
        });

        JsonNode compatible = result("deployment-analyses", launch(api, library, 3, DemoData.QA)).get("report");
        assertThat(compatible.get("status").asString()).as("an added optional input breaks nobody")
                .isEqualTo("NoIssuesFound");
        assertThat(compatible.get("impactedAssets")).isEmpty();
    }

    @Test
    void anOptionalInputKeepsTheCompatibilityDigestAndARemovedAttributeChangesIt() throws Exception {
        UUID library = UUID.randomUUID();
        String name = unique("Digest lib");
        uploadManifest(library(library, name, "[]", "[" + GREETING_ACTION + ", " + CUSTOMER_ENTITY + "]", "[]"));
        uploadManifest(library(library, name, "[]", "[" + GREETING_WITH_OPTIONAL_INPUT + ", "
                + CUSTOMER_WITHOUT_EMAIL + "]", "[]"));
        String path = DM + "/assets/" + library + "/revisions/";
        JsonNode one = ok(api.get(path + "1/public-elements?sort=name")).get("results");
        JsonNode two = ok(api.get(path + "2/public-elements?sort=name")).get("results");
        JsonNode greeting1 = one.get(1);
        JsonNode greeting2 = two.get(1);
        assertThat(greeting2.get("compatibilitySignatureDigest").asString())
                .isEqualTo(greeting1.get("compatibilitySignatureDigest").asString());
        assertThat(greeting2.get("signatureDigest").asString())
                .isNotEqualTo(greeting1.get("signatureDigest").asString());
        assertThat(two.get(0).get("compatibilitySignatureDigest").asString())
                .isNotEqualTo(one.get(0).get("compatibilitySignatureDigest").asString());
    }

    @Test
    void anAppWhoseProducerAppIsNotInTheStageMustWaitForItAndANameCollisionIsAnError() throws Exception {
        UUID producer = uploadManifest(app(UUID.randomUUID(), unique("Producer app"), "[]",
                "[" + GREETING_ACTION + "]", "[]"));
        String consumerName = unique("Consumer app");
        UUID consumer = uploadManifest(app(UUID.randomUUID(), consumerName, "[]", "[]",
                "[" + uses(producer, "GetGreeting") + "]"));
        UUID sameName = uploadManifest(app(UUID.randomUUID(), consumerName, "[]", "[]", "[]"));
        deployedIn(DemoData.QA, sameName, 1);

        JsonNode report = result("deployment-analyses", launch(api, consumer, 1, DemoData.QA)).get("report");
        assertThat(report.get("status").asString()).isEqualTo("ErrorsFound");
        JsonNode missing = byKey(report.get("impactedAssets"), producer);
        assertThat(missing.get("referenceType").asString()).isEqualTo("Producer");
        assertThat(missing.get("applicationLevelIssues").get(0).get("conflictType").asString())
                .isEqualTo("MissingApplication");
        JsonNode collision = byKey(report.get("impactedAssets"), sameName);
        assertThat(collision.get("applicationLevelIssues").get(0).get("conflictType").asString())
                .isEqualTo("NameCollision");

        deployedIn(DemoData.PRODUCTION, producer, 1);
        JsonNode production = result("deployment-analyses", launch(api, consumer, 1, DemoData.PRODUCTION))
                .get("report");
        assertThat(production.get("status").asString()).isEqualTo("NoIssuesFound");
    }

    @Test
    void deletionAnalysisNamesTheStagesAndTheConsumersThatWouldBreak() throws Exception {
        UUID library = uploadManifest(library(UUID.randomUUID(), unique("Doomed lib"), "[]",
                "[" + GREETING_ACTION + "]", "[]"));
        UUID consumer = uploadManifest(app(UUID.randomUUID(), unique("Uses doomed"), "[" + lib(library, 1) + "]",
                "[]", "[" + uses(library, "GetGreeting") + "]"));
        deployedIn(DemoData.QA, consumer, 1);

        Api.Response launched = api.post(DM + "/deletion-analyses", "{\"assetKey\": \"" + library + "\"}");
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        JsonNode result = result("deletion-analyses", launched.json().get("analysisKey").asString());
        assertThat(result.get("type").asString()).isEqualTo("Deletion");
        JsonNode report = result.get("report");
        assertThat(report.get("status").asString()).isEqualTo("WarningsFound");
        JsonNode impacted = byKey(report.get("impactedAssets"), consumer);
        assertThat(impacted.get("deployedRevisions").get(0).get("environmentKey").asString()).isEqualTo(DemoData.QA);

        String ofApp = api.post(DM + "/deletion-analyses", "{\"assetKey\": \"" + consumer + "\"}").json()
                .get("analysisKey").asString();
        JsonNode appReport = result("deletion-analyses", ofApp).get("report");
        assertThat(appReport.get("deployedEnvironments").get(0).get("environmentKey").asString())
                .isEqualTo(DemoData.QA);
        assertThat(appReport.get("deployedEnvironments").get(0).get("purpose").asString())
                .isEqualTo("NonProduction");
    }

    @Test
    void aClientWithoutDeployPermissionOnTheStageIsRefused() throws Exception {
        UUID library = uploadManifest(library(UUID.randomUUID(), unique("Guarded lib"), "[]", "[]", "[]"));
        Api qaOnly = clientWith(Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.QA)));
        Api.Response refused = qaOnly.post(DM + "/deployment-analyses", "{\"assetKey\": \"" + library
                + "\", \"revision\": 1, \"environmentKey\": \"" + DemoData.PRODUCTION + "\"}");
        refused.problem(403);
        String production = launch(api, library, 1, DemoData.PRODUCTION);
        qaOnly.get(DM + "/deployment-analyses/" + production).problem(403);
        String qa = launch(qaOnly, library, 1, DemoData.QA);
        assertThat(ok(qaOnly.get(DM + "/deployment-analyses/" + qa)).get("processStatus").asString())
                .isEqualTo("Finished");
        clientWith(everywhere(Permission.ASSET_OPEN)).post(DM + "/deletion-analyses",
                "{\"assetKey\": \"" + library + "\"}").problem(403);
    }

    @Test
    void badAnalysisRequestsNameTheParameter() throws Exception {
        UUID library = uploadManifest(library(UUID.randomUUID(), unique("Bad input lib"), "[]", "[]", "[]"));
        String body = "{\"assetKey\": \"%s\", \"revision\": %s, \"environmentKey\": \"%s\"}";
        assertThat(api.post(DM + "/deployment-analyses", body.formatted(library, 99, DemoData.QA)).problem(404)
                .get("detail").asString()).contains("'revision'");
        assertThat(api.post(DM + "/deployment-analyses", body.formatted(UUID.randomUUID(), 1, DemoData.QA))
                .problem(404).get("detail").asString()).contains("'assetKey'");
        assertThat(api.post(DM + "/deployment-analyses", body.formatted(library, 1, UUID.randomUUID()))
                .problem(404).get("detail").asString()).contains("'environmentKey'");
        assertThat(api.post(DM + "/deployment-analyses", "{\"assetKey\": \"" + library + "\", \"revision\": 1}")
                .problem(400).get("detail").asString()).contains("'environmentKey'");
        assertThat(api.post(DM + "/deployment-analyses", body.formatted(library, 0, DemoData.QA)).problem(400)
                .get("detail").asString()).contains("'revision'");
        api.get(DM + "/deployment-analyses/" + UUID.randomUUID()).problem(404);
        api.get(DM + "/deletion-analyses/not-a-key").problem(400);
        assertThat(api.post(DM + "/deletion-analyses", "{\"assetKey\": \"" + UUID.randomUUID() + "\"}").problem(404)
                .get("detail").asString()).contains("'assetKey'");
    }
}
