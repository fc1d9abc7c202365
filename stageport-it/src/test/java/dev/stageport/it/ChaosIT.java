package dev.stageport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.client.Odc;
import dev.stageport.client.OdcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Chaos: 200 Deploys over two replicas on one PostgreSQL while one replica at a time is
 * SIGKILLed and, once it is back, killed again a few seconds later. Every operation must end
 * Finished, each one's Activate must reach the runtime exactly once, and no simulated instance
 * may be left started that is not the serving one. The kill schedule comes from a seed printed
 * at the start; {@code -Dchaos.seed=N} replays its choices (the timing of the machine still varies).
 */
class ChaosIT {

    static final String DEVELOPMENT = "d0000000-0000-4000-8000-000000000001";
    static final String QA = "d0000000-0000-4000-8000-000000000002";
    static final String PRODUCTION = "d0000000-0000-4000-8000-000000000003";
    static final String DEMO_APP = "a0000000-0000-4000-8000-000000000001";
    static final int APPS = 20;
    static final List<String> STAGES = List.of(QA, PRODUCTION);
    static final int DEPLOYS_PER_TARGET = 5;
    static final Duration LEASE = Duration.ofSeconds(3);
    /** Each runtime step of the simulated driver takes this long: an operation lasts about 2.5 s. */
    static final Duration STEP = Duration.ofMillis(500);
    /** A bound for a loaded machine; on a quiet 2-core machine the chaos lasts under two minutes. */
    static final Duration CHAOS_LIMIT = Duration.ofMinutes(6);
    /** Longer than ServerProcess's default: at a load average of 35 one start took 170 s. */
    static final Duration START_LIMIT = Duration.ofMinutes(5);
    /**
     * Kills come one restart apart (a JVM start: about 10 s on a quiet machine, minutes on an
     * overloaded one), so only one is certain; a quiet machine sees several.
     */
    static final int MIN_KILLS = 1;

    /** One deployment target (asset in a stage) and the operations sent to it, in order. */
    record Target(String stage, String app, String build, List<String> ops) {
    }

    /** A replica id and the process that runs it now: ready, or still starting after a restart. */
    static final class Replica {
        final String id;
        int generation;
        ServerProcess process;
        Odc odc;
        CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);

        Replica(String id) {
            this.id = id;
        }

        /** Ready and known to the test: requests and kills go only to replicas that are up. */
        boolean up() {
            return odc != null;
        }
    }

    Path work = Path.of("target", "it", "chaos-" + UUID.randomUUID());
    Map<String, String> env;

    @Test
    void twoHundredDeploysWhileReplicasAreKilledAllFinishWithOneActivateEachAndNoOrphanedCandidate()
            throws Exception {
        long seed = Long.getLong("chaos.seed", 20261201L);
        System.out.println("ChaosIT seed " + seed + " (replay its choices with -Dchaos.seed=" + seed + ")");
        Random random = new Random(seed);
        Instant began = Instant.now();
        List<Replica> replicas = List.of(new Replica("replica-a"), new Replica("replica-b"));
        try (SharedPostgres postgres = SharedPostgres.start()) {
            env = postgres.env(Map.of("STAGEPORT_ENGINE_LEASE", LEASE.toSeconds() + "s",
                    "STAGEPORT_DEMO_STEP_DURATION", STEP.toMillis() + "ms",
                    "STAGEPORT_DEMO_RUNTIME_DRIVER", "simulated",
                    "STAGEPORT_DEMO_LOAD_APPS", Integer.toString(APPS)));
            RuntimeLedger ledger = new RuntimeLedger(env.get("STAGEPORT_DB_URL"));
            try {
                start(replicas.get(0));
                awaitDemoDeployed(ledger);
                start(replicas.get(1));
                List<Target> targets = targets();
                List<String> kills = chaos(replicas, targets, ledger, random);
                Duration wall = Duration.between(began, Instant.now());
                System.out.println("ChaosIT: " + kills.size() + " kills, wall time " + wall.toSeconds() + " s: "
                        + kills);
                verify(targets, ledger, kills);
            } finally {
                for (Replica replica : replicas) {
                    stop(replica);
                }
            }
        }
    }

    /**
     * Sends each target its next Deploy when its last one ended, and kills a random replica
     * whenever both are up and its moment (1 to 4 s after the last restart) has come. One
     * thread does both, so no request is in flight at a replica when it is killed.
     */
    private List<String> chaos(List<Replica> replicas, List<Target> targets, RuntimeLedger ledger, Random random)
            throws Exception {
        List<String> kills = new ArrayList<>();
        Instant deadline = Instant.now().plus(CHAOS_LIMIT);
        Instant nextKill = Instant.now().plusMillis(1000 + random.nextInt(3000));
        while (true) {
            for (Replica replica : replicas) {
                if (replica.odc == null && replica.ready.isDone()) {
                    replica.ready.get(); // a restart that failed fails the test, with the server's log
                    replica.odc = odc(replica.process);
                    nextKill = Instant.now().plusMillis(1000 + random.nextInt(3000));
                }
            }
            Set<String> running = ledger.running();
            int sentNow = 0;
            for (Target target : targets) {
                boolean idle = target.ops().isEmpty() || !running.contains(last(target.ops()));
                if (idle && target.ops().size() < DEPLOYS_PER_TARGET) {
                    Odc via = replicas.stream().filter(Replica::up).findFirst().orElseThrow().odc;
                    target.ops().add(via.deploy(target.stage(), target.app(), target.build(), 1).key());
                    sentNow++;
                }
            }
            if (sentNow == 0 && targets.stream().allMatch(t -> t.ops().size() == DEPLOYS_PER_TARGET)
                    && targets.stream().noneMatch(t -> running.contains(last(t.ops())))) {
                return kills;
            }
            assertThat(Instant.now()).as("all Deploys ended within %s (kills: %s)", CHAOS_LIMIT, kills)
                    .isBefore(deadline);
            // a kill while no Deploy runs would test nothing: it waits for the next one
            int inFlight = ledger.running().size();
            if (replicas.stream().allMatch(Replica::up) && Instant.now().isAfter(nextKill) && inFlight > 0) {
                Replica victim = replicas.get(random.nextInt(replicas.size()));
                victim.process.kill();
                kills.add(victim.id + " with " + inFlight + " running");
                restart(victim);
            }
            Thread.sleep(100);
        }
    }

    private void verify(List<Target> targets, RuntimeLedger ledger, List<String> kills) throws Exception {
        List<String> all = targets.stream().flatMap(t -> t.ops().stream()).toList();
        Map<String, String> statuses = ledger.statuses(all);
        Map<String, List<String>> notFinished = new LinkedHashMap<>();
        for (String key : all) {
            if (!"Finished".equals(statuses.get(key))) {
                notFinished.put(key + " " + statuses.get(key), ledger.messages(key));
            }
        }
        assertThat(notFinished).as("every operation ended Finished").isEmpty();
        Map<String, Integer> activates = ledger.calls(all, "Activate");
        Map<String, Integer> twice = new HashMap<>(activates);
        twice.values().removeIf(n -> n == 1);
        assertThat(twice).as("Activate reached the runtime exactly once per operation").isEmpty();
        for (Target target : targets) {
            String last = last(target.ops());
            assertThat(ledger.serving(target.stage(), target.app())).as("the last Deploy serves %s", target)
                    .isEqualTo(last);
            assertThat(ledger.startedInstances(target.ops())).as("no orphaned candidate in %s", target)
                    .containsExactly(last);
        }
        assertThat(kills).as("the chaos happened").hasSizeGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(ledger.resumed(all)).as("some operations were resumed by another worker").isPositive();
    }

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (String stage : STAGES) {
            for (int i = 1; i <= APPS; i++) {
                targets.add(new Target(stage, String.format("a1000000-0000-4000-8000-%012d", i),
                        String.format("b1000000-0000-4000-8000-%012d", i), new ArrayList<>()));
            }
        }
        return targets;
    }

    private void start(Replica replica) throws Exception {
        restart(replica);
        replica.ready.get();
        replica.odc = odc(replica.process);
    }

    /** Launches the replica's next process; it counts as up once it answers. */
    private void restart(Replica replica) throws Exception {
        Map<String, String> own = new HashMap<>(env);
        own.put("STAGEPORT_REPLICA_ID", replica.id);
        // a new log per start, so the log of the killed process stays readable
        ServerProcess process = ServerProcess.launch(replica.id + "-" + replica.generation++, work, own,
                ServerProcess.DEFAULT_HEAP);
        replica.process = process;
        replica.odc = null;
        replica.ready = CompletableFuture.runAsync(() -> {
            try {
                process.awaitReady(START_LIMIT);
            } catch (Exception e) {
                throw new IllegalStateException("restarting " + replica.id + " failed", e);
            }
        });
    }

    /** One still starting is killed (the test is over), a ready one stopped: no server outlives the test. */
    private static void stop(Replica replica) throws InterruptedException {
        if (replica.process == null) {
            return;
        }
        if (replica.up()) {
            replica.process.close();
        } else {
            replica.process.kill();
        }
    }

    private static Odc odc(ServerProcess server) {
        return new Odc(new OdcClient(server.url(), ServerProcess.CLIENT_ID, ServerProcess.CLIENT_SECRET));
    }

    /** The first replica seeds the demo and deploys its app to Development; the chaos starts after that. */
    private static void awaitDemoDeployed(RuntimeLedger ledger) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (ledger.serving(DEVELOPMENT, DEMO_APP) != null && ledger.running().isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo app was not deployed to Development in time");
    }

    private static String last(List<String> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
