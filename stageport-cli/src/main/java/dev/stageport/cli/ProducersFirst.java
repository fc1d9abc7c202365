package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Deploys the deployable producers of a revision to a stage before the revision
 * itself, deepest first, as ODC clients do from the producer graph. A producer
 * that already runs there at the revision the consumer was built against (or a
 * newer one) is left alone: deploying an older revision over a newer one would
 * break its other consumers, and whether the newer one still fits is what a
 * deployment analysis answers.
 */
final class ProducersFirst {

    private static final String DM = "/api/dependency-management/v1";

    private final OdcClient client;
    private final Output out;
    private final WaitOptions waiting;
    private final Duration timeout;

    ProducersFirst(OdcClient client, Output out, WaitOptions waiting, Duration timeout) {
        this.client = client;
        this.out = out;
        this.waiting = waiting;
        this.timeout = timeout;
    }

    /** A producer to deploy: its key, name and the revision the consumer references. */
    record Producer(String key, String name, int revision) {
    }

    /** Deploys what is missing; returns the exit code of the first producer deploy that did not finish, or OK. */
    int deploy(String stageKey, String assetKey, int revision) {
        for (Producer producer : order(assetKey, revision)) {
            Integer running = deployedRevision(stageKey, producer.key());
            if (running != null && running >= producer.revision()) {
                out.note("producer " + producer.name() + " revision " + running + " already runs there");
                continue;
            }
            String build = releaseBuild(producer);
            out.note("deploying producer " + producer.name() + " revision " + producer.revision() + " first");
            JsonNode op = client.post(Operations.DEPLOYMENTS, Map.of("operation", "Deploy", "assetKey",
                    producer.key(), "buildKey", build, "revision", producer.revision(), "environmentKey", stageKey));
            JsonNode ended = Operations.follow(client, out, Operations.DEPLOYMENTS, op.path("key").asString(),
                    timeout, waiting.schedule(), !waiting.noPush);
            int code = Operations.exitCode(ended);
            if (code != ExitCode.OK) {
                out.note("producer " + producer.name() + " did not deploy (operation " + op.path("key").asString()
                        + " ended " + Output.text(ended, "status") + "); the asset was not deployed");
                return code;
            }
        }
        return ExitCode.OK;
    }

    /** The deployable producers, each once, every producer after its own producers. */
    List<Producer> order(String assetKey, int revision) {
        JsonNode graph = client.get(DM + "/assets/" + assetKey + "/revisions/" + revision
                + "/producer-graph?producerTypeFilter=Deployable").path("results");
        List<Producer> ordered = new ArrayList<>();
        visit(graph, new HashSet<>(Set.of(assetKey)), ordered);
        return ordered;
    }

    private static void visit(JsonNode nodes, Set<String> seen, List<Producer> ordered) {
        for (JsonNode node : nodes) {
            String key = node.path("key").asString();
            if (!seen.add(key)) {
                continue; // met before, or a cycle the server reported: deployed once
            }
            visit(node.path("producers"), seen, ordered);
            ordered.add(new Producer(key, node.path("name").asString(key), node.path("revision").asInt()));
        }
    }

    private Integer deployedRevision(String stageKey, String producerKey) {
        for (JsonNode asset : client.get("/api/portfolios/v1/deployed-assets?environmentKey=" + stageKey
                + "&key=" + producerKey).path("results")) {
            for (JsonNode deployment : asset.path("deployments")) {
                if (stageKey.equals(deployment.path("environmentKey").asString())) {
                    return deployment.path("revision").asInt();
                }
            }
        }
        return null;
    }

    private String releaseBuild(Producer producer) {
        try {
            return RevisionChoice.releaseBuild(client, producer.key(), producer.revision());
        } catch (UsageException e) {
            throw new UsageException("producer " + producer.name() + " revision " + producer.revision()
                    + " has no finished Release build: build it first (stageport build " + producer.key()
                    + " --revision " + producer.revision() + " --wait)");
        }
    }
}
