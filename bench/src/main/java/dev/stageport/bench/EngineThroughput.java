package dev.stageport.bench;

import dev.stageport.client.OdcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine throughput: Deploy operations over every (load app × stage) target on the
 * simulated runtime with zero step time, posted by concurrent clients; measured
 * from the first POST until the last operation is Finished. A target takes one
 * operation at a time (the API refuses a second), so each client owns a slice of
 * the targets and deploys to them in rounds. With several server URLs (replicas on one
 * database) the clients are spread over them; with the servers' process ids the result
 * carries their CPU time per operation over the measured pass (from /proc/PID/stat), which
 * says more than operations per second on a machine other work shares.
 */
final class EngineThroughput {

    private final List<String> urls;
    private final String clientId;
    private final String secret;

    EngineThroughput(String url, String clientId, String secret) {
        this.urls = List.of(url.split(","));
        this.clientId = clientId;
        this.secret = secret;
    }

    void run(int operations, int clients, Path out, List<Long> serverPids) throws Exception {
        OdcClient admin = new OdcClient(urls.get(0), clientId, secret);
        List<String> stages = new ArrayList<>();
        admin.get("/api/portfolios/v1/environments").path("results").forEach(s -> stages.add(s.path("key")
                .asString()));
        for (String stage : stages) {
            admin.put("/api/stageport/v1/environments/" + stage + "/simulation", Map.of("stepMillis", 0));
        }
        List<String[]> targets = new ArrayList<>();
        admin.list("/api/asset-repository/v1/assets?limit=1000&nameContains=Load%20App").forEach(asset -> {
            String key = asset.path("assetKey").asString();
            String build = admin.get("/api/builds/v1/build-operations?assetKey=" + key
                    + "&assetRevision=1&byBuildType=Release").path("builds").get(0).path("buildKey").asString();
            stages.forEach(stage -> targets.add(new String[] {key, build, stage}));
        });
        if (targets.isEmpty()) {
            throw new IllegalStateException("no load apps: start the server with STAGEPORT_DEMO_LOAD_APPS=100");
        }
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuBefore = cpuMillis(serverPids);
        long compilerBefore = compilerCpuMillis(serverPids);
        double loadBefore = loadAverage();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int slice = c;
            work.add(pool.submit(() -> {
                OdcClient client = new OdcClient(urls.get(slice % urls.size()), clientId, secret);
                List<String[]> mine = new ArrayList<>();
                for (int t = slice; t < targets.size(); t += clients) {
                    mine.add(targets.get(t));
                }
                for (int round = 0; round * targets.size() < operations; round++) {
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < mine.size(); i++) {
                        int index = round * targets.size() + slice + i * clients;
                        if (index >= operations) {
                            break;
                        }
                        String[] target = mine.get(i);
                        keys.add(client.post("/api/deployments/v1/deployment-operations", Map.of(
                                "operation", "Deploy", "assetKey", target[0], "buildKey", target[1], "revision", 1,
                                "environmentKey", target[2])).path("key").asString());
                    }
                    for (String key : keys) {
                        JsonNode op;
                        do {
                            op = client.get("/api/deployments/v1/deployment-operations/" + key + "?waitSeconds=30");
                        } while ("Running".equals(op.path("status").asString()));
                        if ("Finished".equals(op.path("status").asString())) {
                            finished.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = cpuMillis(serverPids) - cpuBefore;
        long compiler = compilerCpuMillis(serverPids) - compilerBefore;
        pool.shutdown();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "engine-throughput");
        result.put("operations", operations);
        result.put("finished", finished.get());
        result.put("clients", clients);
        result.put("targets", targets.size());
        result.put("seconds", seconds);
        result.put("operationsPerSecond", operations / seconds);
        result.put("replicas", urls.size());
        if (!serverPids.isEmpty()) {
            result.put("serverCpuMsPerOperation", (double) cpu / operations);
            result.put("compilerCpuShare", cpu == 0 ? 0.0 : (double) compiler / cpu);
        }
        result.put("loadAverageBefore", loadBefore);
        result.put("loadAverageAfter", loadAverage());
        write(out, result);
        System.out.printf("engine throughput: %d operations (%d Finished) in %.2f s = %.0f operations/s,"
                        + " %.2f ms server CPU per operation, load average %.1f -> %.1f%n", operations,
                finished.get(), seconds, operations / seconds, serverPids.isEmpty() ? 0.0 : (double) cpu / operations,
                loadBefore, loadAverage());
    }

    /** User + system CPU time of the processes, in ms (Linux). */
    static long cpuMillis(List<Long> pids) throws IOException {
        long ticks = 0;
        for (long pid : pids) {
            ticks += cpuTicks(Path.of("/proc/" + pid + "/stat"));
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /**
     * CPU time of the servers' JIT compiler threads (Linux names them "C1 CompilerThre…" and "C2 …"), in ms:
     * a pass that is still compiling measures the compiler as much as the engine. A thread that ended
     * between the two readings is not counted; with two compiler threads on 2 cores they stay.
     */
    static long compilerCpuMillis(List<Long> pids) throws IOException {
        long ticks = 0;
        for (long pid : pids) {
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                            continue;
                        }
                        ticks += cpuTicks(task.resolve("stat"));
                    } catch (IOException ended) {
                        // the thread ended while the folder was read
                    }
                }
            }
        }
        return ticks * 10;
    }

    /** utime + stime (fields 14 and 15) of a process's or thread's stat file, in clock ticks. */
    private static long cpuTicks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void write(Path out, Map<String, Object> result) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JsonMapper.builder().build().writeValueAsString(result));
    }
}
