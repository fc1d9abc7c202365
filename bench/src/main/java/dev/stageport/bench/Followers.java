package dev.stageport.bench;

import dev.stageport.client.OdcClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Followers at scale: thousands of event streams and long polls wait on running Deploys at
 * once, then the Deploys finish. The Deploys wait in AwaitApproval (a stage policy that needs
 * one approval: the wait holds no engine worker), so they stay Running for as long as the
 * followers take to connect; a second client then approves them one after the other. Measured:
 * push latency of every follower, and the server's resident memory and thread count at peak.
 */
final class Followers {

    private static final String APPROVALS = "/api/stageport/v1/approvals";

    private final String url;
    private final OdcClient admin;
    private final long serverPid;

    Followers(String url, String clientId, String secret, long serverPid) {
        this.url = url;
        this.admin = new OdcClient(url, clientId, secret);
        this.serverPid = serverPid;
    }

    void run(int streams, int polls, Path out) throws Exception {
        List<String> stages = new ArrayList<>();
        admin.get("/api/portfolios/v1/environments").path("results").forEach(s -> stages.add(s.path("key")
                .asString()));
        OdcClient approver = approver(stages);
        for (String stage : stages) {
            admin.put("/api/stageport/v1/environments/" + stage + "/simulation", Map.of("stepMillis", 0));
            admin.put("/api/stageport/v1/environments/" + stage + "/policy", Map.of("requiredApprovals", 1));
        }
        // about 30 followers per Deploy (a pipeline and some console tabs each), at most one per target
        List<String> keys = deployAll(stages, Math.max(1, (streams + polls + 29) / 30));
        awaitPending(keys.size());
        ServerHeap heap = new ServerHeap(serverPid);
        ServerHeap.Histogram idle = heap.histogram();
        ProcessSampler sampler = new ProcessSampler(serverPid);
        sampler.start();
        Map<String, Object> result = new LinkedHashMap<>();
        try (FollowerClients followers = new FollowerClients(url, admin.tokens().token())) {
            long connectStart = System.nanoTime();
            int batch = 100;
            int streamsSent = 0;
            int pollsSent = 0;
            String problem = null;
            String stoppedAdding = "";
            for (int i = 0; i < Math.max(streams, polls) && stoppedAdding.isEmpty(); i += batch) {
                for (int j = i; j < i + batch; j++) {
                    if (j < streams) {
                        followers.stream(keys.get(j % keys.size()));
                        streamsSent++;
                    }
                    if (j < polls) {
                        followers.longPoll(keys.get(j % keys.size()));
                        pollsSent++;
                    }
                }
                // at most a batch of streams unanswered at once: a burst would overflow the accept queue
                int expected = streamsSent;
                boolean opened = waitFor(() -> followers.streamsOpen.get() + followers.failures.get() >= expected,
                        30_000);
                String unanswered = opened ? unanswered() : "only " + followers.streamsOpen.get() + " of " + expected
                        + " streams had their first event within 30 s";
                if (unanswered != null) {
                    // the server stopped answering (e.g. its heap is full): measure the followers it holds
                    stoppedAdding = "stopped adding followers after " + (streamsSent + pollsSent) + " ("
                            + streamsSent + " streams, " + pollsSent + " long polls): " + unanswered;
                }
            }
            int sent = streamsSent + pollsSent;
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            Thread.sleep(2_000);   // the last long polls reach their watchers (they send nothing back until the end)
            ProcessSampler.Sample waiting = sampler.now();
            ServerHeap.Histogram held = heap.histogram();
            Map<String, Long> nativeKb = heap.nativeCommittedKb();
            long finishStart = System.nanoTime();
            try {
                for (JsonNode approval : pending()) {
                    approver.post(APPROVALS + "/" + approval.path("key").asString() + "/approve",
                            Map.of("comment", "bench"));
                }
            } catch (RuntimeException e) {
                problem = (problem == null ? "" : problem + "; ") + "approving failed: " + e.getMessage();
            }
            int total = sent;
            if (!waitFor(() -> followers.done() >= total, 120_000) && problem == null) {
                problem = "only " + followers.done() + " of " + total + " followers heard the end within 120 s";
            }
            double finishSeconds = (System.nanoTime() - finishStart) / 1e9;
            int knew = followers.streamed.size() + followers.longPolled.size();
            result.put("scenario", "followers");
            result.put("streams", streams);
            result.put("longPolls", polls);
            result.put("streamsSent", streamsSent);
            result.put("longPollsSent", pollsSent);
            result.put("stoppedAdding", stoppedAdding);
            result.put("operations", keys.size());
            result.put("serverJava", sampler.java());
            result.put("serverMaxHeap", sampler.maxHeapOption());
            result.put("connectSeconds", connectSeconds);
            result.put("finishSeconds", finishSeconds);
            result.put("eventStream", stats(followers.streamed));
            result.put("longPoll", stats(followers.longPolled));
            result.put("repolls", followers.repolls.get());
            // every follower sent that never learnt of a Finished end; those never sent are in stoppedAdding
            result.put("failures", sent - knew);
            result.put("failureSamples", List.copyOf(followers.failureSamples));
            result.put("problem", problem == null ? "" : problem);
            result.put("rssWaitingMb", waiting.rssMb());
            result.put("threadsWaiting", waiting.threads());
            result.put("heapBytesPerFollower", (held.total() - idle.total()) / Math.max(1, sent));
            result.put("heapIdleMb", idle.total() / (1024 * 1024));
            result.put("heapGrowthPerFollower", held.grownPer(idle, sent, 60));
            result.put("nativeCommittedKbWaiting", nativeKb);
            result.put("peakRssMb", sampler.peakRssMb());
            result.put("peakThreads", sampler.peakThreads());
            result.put("loadAverage", ProcessSampler.loadAverage());
        } finally {
            sampler.stop();
            try {
                for (String stage : stages) {
                    admin.put("/api/stageport/v1/environments/" + stage + "/policy", Map.of());
                }
            } catch (RuntimeException e) {
                System.err.println("followers: could not put the stage policies back: " + e.getMessage());
            }
        }
        EngineThroughput.write(out, result);
        System.out.println("followers: " + result);
    }

    /** Someone other than the requester, who may approve on every stage. */
    private OdcClient approver(List<String> stages) {
        List<Map<String, String>> grants = new ArrayList<>();
        for (String stage : stages) {
            grants.add(Map.of("permission", "StageView", "environmentKey", stage));
            grants.add(Map.of("permission", "AppDeploy", "environmentKey", stage));
        }
        JsonNode created = admin.post("/api/stageport/v1/api-clients", Map.of("name", "bench approver",
                "permissions", grants));
        return new OdcClient(url, created.path("clientId").asString(), created.path("clientSecret").asString());
    }

    /** Up to {@code wanted} Deploys, one per (load app × stage): a target takes one operation at a time. */
    private List<String> deployAll(List<String> stages, int wanted) {
        List<String> keys = new ArrayList<>();
        admin.list("/api/asset-repository/v1/assets?limit=1000&nameContains=Load%20App").forEach(asset -> {
            if (keys.size() >= wanted) {
                return;
            }
            String key = asset.path("assetKey").asString();
            String build = admin.get("/api/builds/v1/build-operations?assetKey=" + key
                    + "&assetRevision=1&byBuildType=Release").path("builds").get(0).path("buildKey").asString();
            for (String stage : stages.subList(0, Math.min(stages.size(), wanted - keys.size()))) {
                keys.add(admin.post(PushLatency.OPS, Map.of("operation", "Deploy", "assetKey", key, "buildKey", build,
                        "revision", 1, "environmentKey", stage)).path("key").asString());
            }
        });
        if (keys.isEmpty()) {
            throw new IllegalStateException("no load apps: start the server with STAGEPORT_DEMO_LOAD_APPS=100");
        }
        return keys;
    }

    private void awaitPending(int count) throws InterruptedException {
        if (!waitFor(() -> pending().size() >= count, 120_000)) {
            throw new IllegalStateException("timed out: " + count + " Deploys waiting for approval");
        }
    }

    /**
     * An ordinary request beside the followers: when it fails or takes longer than 5 s, the server
     * no longer answers its other clients, and more followers would only make every figure fail.
     *
     * @return why the server counts as not answering, or null while it answers
     */
    private String unanswered() {
        long start = System.nanoTime();
        try {
            admin.get("/api/portfolios/v1/environments");
        } catch (RuntimeException e) {
            return "an ordinary request failed: " + e.getMessage();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return millis > 5_000 ? "an ordinary request took " + millis + " ms" : null;
    }

    private List<JsonNode> pending() {
        return admin.list(APPROVALS + "?status=Pending&limit=100").toList();
    }

    private static Stats stats(java.util.Collection<Double> values) {
        return values.isEmpty() ? new Stats(0, 0, 0, 0)
                : Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean waitFor(java.util.function.BooleanSupplier done, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
