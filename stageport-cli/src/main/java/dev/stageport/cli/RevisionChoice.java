package dev.stageport.cli;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import dev.stageport.client.model.BuildDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** Which revision: a number, a tag, or the latest (the default). */
class RevisionChoice {

    @Option(names = "--revision", description = "Revision number")
    Integer number;

    @Option(names = "--tag", description = "Revision tag, e.g. 1.4.0")
    String tag;

    int resolve(OdcClient client, String assetKey) {
        if (number != null && tag != null) {
            throw new UsageException("give --revision or --tag, not both");
        }
        if (number != null) {
            try {
                client.get("/api/asset-repository/v1/assets/" + assetKey + "/revisions/" + number);
            } catch (dev.stageport.client.OdcException e) {
                if (e.status() == 404) {
                    // the same usage error as an unknown tag: both are a wrong choice of revision
                    throw new UsageException("the asset has no revision " + number);
                }
                throw e;
            }
            return number;
        }
        if (tag != null) {
            JsonNode results = client.get("/api/asset-repository/v1/assets/" + assetKey + "/revisions?tag="
                    + URLEncoder.encode(tag, StandardCharsets.UTF_8)).path("results");
            if (results.isEmpty()) {
                throw new UsageException("the asset has no revision tagged '" + tag + "'");
            }
            return results.get(0).path("revision").asInt();
        }
        return client.get("/api/asset-repository/v1/assets/" + assetKey).path("revision").asInt();
    }

    /** The finished Release build of a revision, as the ODC docs select it. */
    static String releaseBuild(OdcClient client, String assetKey, int revision) {
        return new Odc(client).builds(assetKey, revision, "Release").stream().filter(BuildDetails::deployable)
                .map(BuildDetails::buildKey).findFirst()
                .orElseThrow(() -> new UsageException("revision " + revision + " has no finished Release build"));
    }
}
