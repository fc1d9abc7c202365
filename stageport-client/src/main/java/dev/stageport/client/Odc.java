package dev.stageport.client;

import dev.stageport.client.model.AssetRevision;
import dev.stageport.client.model.BuildDetails;
import dev.stageport.client.model.DeploymentOperation;
import dev.stageport.client.model.Environment;
import dev.stageport.client.model.OperationMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Typed calls of the documented ODC workflow on top of {@link OdcClient}: stages,
 * revisions, the Release build of a revision, deploy, operations and messages.
 */
public final class Odc {

    public static final String OPERATIONS = "/api/deployments/v1/deployment-operations";

    private final OdcClient client;

    public Odc(OdcClient client) {
        this.client = client;
    }

    public OdcClient client() {
        return client;
    }

    public List<Environment> environments() {
        return client.get("/api/portfolios/v1/environments").path("results").valueStream().map(Odc::environment)
                .toList();
    }

    /** Read by hand rather than bound: binding the first record initialises most of databind. */
    static Environment environment(tools.jackson.databind.JsonNode node) {
        return new Environment(text(node, "key"), text(node, "name"), text(node, "purpose"),
                node.path("order").asInt(0), text(node, "hostname"));
    }

    private static String text(tools.jackson.databind.JsonNode node, String field) {
        tools.jackson.databind.JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Every revision, newest first, fetched page by page. */
    public Stream<AssetRevision> revisions(String assetKey) {
        return client.list("/api/asset-repository/v1/assets/" + assetKey + "/revisions?sort=-revision&limit=100")
                .map(node -> OdcClient.read(node, AssetRevision.class));
    }

    public List<BuildDetails> builds(String assetKey, int revision, String buildType) {
        return read(client.get("/api/builds/v1/build-operations?assetKey=" + assetKey + "&assetRevision=" + revision
                + (buildType == null ? "" : "&byBuildType=" + buildType)).path("builds"), BuildDetails.class);
    }

    public DeploymentOperation deploy(String environmentKey, String assetKey, String buildKey, int revision) {
        return OdcClient.read(client.post(OPERATIONS, Map.of("operation", "Deploy", "assetKey", assetKey,
                "buildKey", buildKey, "revision", revision, "environmentKey", environmentKey)),
                DeploymentOperation.class);
    }

    public DeploymentOperation operation(String key) {
        return OdcClient.read(client.get(OPERATIONS + "/" + key), DeploymentOperation.class);
    }

    public Stream<OperationMessage> messages(String key) {
        return client.list(OPERATIONS + "/" + key + "/messages?limit=100")
                .map(node -> OdcClient.read(node, OperationMessage.class));
    }

    private static <T> List<T> read(tools.jackson.databind.JsonNode array, Class<T> type) {
        return array.valueStream().map(node -> OdcClient.read(node, type)).toList();
    }
}
