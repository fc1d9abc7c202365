package dev.stageport.runtime.process;

import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.runtime.process.router.RouterClient;
import dev.stageport.runtime.process.router.RouterClient.Route;
import dev.stageport.runtime.process.router.RouterFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's view of its process stages' routers: one router process per stage owns the
 * stable ports, so apps keep answering while the server is down. A router is found through
 * {@code <dataDir>/runtime/<envKey>/router.json} and adopted when it answers; otherwise a new
 * one is started and given every route the server knows for the stage. Each stage's state is
 * guarded by its own monitor, never held while draining.
 */
final class StageRouters {

    private static final Logger log = LoggerFactory.getLogger(StageRouters.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long DRAIN_POLL_MILLIS = 50;

    /** One stage: the router in use (null until needed or after it died) and the routes it must have. */
    private static final class StageState {
        RouterClient client;
        final Map<String, Route> routes = new HashMap<>();
    }

    private final InstanceFiles files;
    private final Map<String, StageState> stages = new ConcurrentHashMap<>();
    /** How a router process is started for a stage folder; a test replaces it to make the start fail. */
    volatile Function<Path, List<String>> command = RouterCommand::forStage;

    StageRouters(InstanceFiles files) {
        this.files = files;
    }

    /**
     * Points the asset's stable port at {@code targetPort} and answers the stable port once the
     * route is in effect. A router that died meanwhile is replaced, with all of the stage's routes.
     */
    int route(String environmentKey, String assetKey, int targetPort, int preferredListenPort) {
        StageState stage = state(environmentKey);
        synchronized (stage) {
            Route known = stage.routes.get(assetKey);
            int listen = preferredListenPort > 0 ? preferredListenPort : known == null ? 0 : known.listenPort();
            for (int attempt = 1; ; attempt++) {
                RouterClient client = connected(stage, environmentKey);
                try {
                    int port = client.set(assetKey, targetPort, listen);
                    stage.routes.put(assetKey, new Route(port, targetPort));
                    return port;
                } catch (RouterClient.Refused e) {
                    throw new RuntimeFailure("The stage's router refused the route: " + e.getMessage());
                } catch (IOException e) {
                    stage.client = null;
                    if (attempt == 2) {
                        throw new RuntimeFailure("The stage's router does not answer: " + e.getMessage(), true);
                    }
                }
            }
        }
    }

    /** Waits up to {@code drain} for connections to {@code targetPort} to end, then cuts the rest. */
    void drain(String environmentKey, String assetKey, int targetPort, Duration drain) {
        RouterClient client;
        StageState stage = state(environmentKey);
        synchronized (stage) {
            client = stage.client;
        }
        if (client == null) {
            return; // no router answers: connections through a dead router are gone with it
        }
        long deadline = System.nanoTime() + drain.toNanos();
        try {
            while (System.nanoTime() < deadline && client.connections(assetKey, targetPort) > 0) {
                Thread.sleep(DRAIN_POLL_MILLIS);
            }
            client.cut(assetKey, targetPort);
        } catch (IOException e) {
            log.debug("Draining {} in stage {} ended early: {}", assetKey, environmentKey, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the asset's stable port; the last route of a stage ends its router. */
    void remove(String environmentKey, String assetKey) {
        StageState stage = state(environmentKey);
        synchronized (stage) {
            stage.routes.remove(assetKey);
            RouterClient client = stage.client != null ? stage.client : answering(environmentKey).orElse(null);
            try {
                if (client != null) {
                    client.remove(assetKey);
                }
            } catch (IOException e) {
                log.debug("Router of stage {} did not answer the removal of {}: {}", environmentKey, assetKey,
                        e.getMessage());
            }
            if (stage.routes.isEmpty()) {
                end(environmentKey, client);
                stage.client = null;
            }
        }
    }

    /** Replaces every stage router that stopped answering, restoring its routes. */
    void check() {
        stages.forEach((environmentKey, stage) -> {
            synchronized (stage) {
                if (stage.routes.isEmpty()) {
                    return;
                }
                if (stage.client != null) {
                    try {
                        stage.client.ping();
                        return;
                    } catch (IOException dead) {
                        log.warn("The router of stage {} stopped answering; starting a new one.", environmentKey);
                        stage.client = null;
                    }
                }
                try {
                    connected(stage, environmentKey);
                } catch (RuntimeFailure e) {
                    log.warn("The router of stage {} could not be replaced: {}", environmentKey, e.getMessage());
                }
            }
        });
    }

    /**
     * After recovery: a router of a stage without routes ends, and routes the server no longer
     * knows (an asset undeployed while it was down) are removed.
     */
    void prune() {
        for (Path dir : files.children(files.root())) {
            String environmentKey = dir.getFileName().toString();
            if (!Files.exists(RouterFile.in(dir))) {
                continue;
            }
            StageState stage = state(environmentKey);
            synchronized (stage) {
                RouterClient client = stage.client != null ? stage.client : answering(environmentKey).orElse(null);
                if (stage.routes.isEmpty()) {
                    end(environmentKey, client);
                    stage.client = null;
                    continue;
                }
                try {
                    for (String route : client == null ? List.<String>of() : client.list().keySet()) {
                        if (!stage.routes.containsKey(route)) {
                            client.remove(route);
                        }
                    }
                } catch (IOException e) {
                    log.debug("Router of stage {} did not answer while pruning: {}", environmentKey, e.getMessage());
                }
            }
        }
    }

    /** Ends every router this server uses (a stop with STAGEPORT_STOP_APPS_ON_EXIT=on). */
    void stopAll() {
        stages.forEach((environmentKey, stage) -> {
            synchronized (stage) {
                end(environmentKey, stage.client);
                stage.client = null;
                stage.routes.clear();
            }
        });
    }

    /** Forgets every router and leaves it running (a stop that leaves the apps serving). */
    void forget() {
        stages.clear();
    }

    private StageState state(String environmentKey) {
        return stages.computeIfAbsent(environmentKey, k -> new StageState());
    }

    private Path routerFile(String environmentKey) {
        return RouterFile.in(files.stageDir(environmentKey));
    }

    /** The stage's router in use, adopted from its file, or started anew; either way it has the known routes. */
    private RouterClient connected(StageState stage, String environmentKey) {
        if (stage.client != null) {
            return stage.client;
        }
        Optional<RouterClient> adopted = answering(environmentKey);
        RouterClient client = adopted.orElseGet(() -> launch(environmentKey));
        if (adopted.isPresent()) {
            log.info("Adopted the router (pid {}) of stage {}.", client.router().pid(), environmentKey);
        }
        try {
            for (Map.Entry<String, Route> route : stage.routes.entrySet()) {
                client.set(route.getKey(), route.getValue().targetPort(), route.getValue().listenPort());
            }
        } catch (IOException e) {
            throw new RuntimeFailure("The stage's router does not take its routes: " + e.getMessage(), true);
        }
        stage.client = client;
        return client;
    }

    private Optional<RouterClient> answering(String environmentKey) {
        return RouterFile.read(files.stageDir(environmentKey)).map(RouterClient::new).filter(client -> {
            try {
                return client.ping() == client.router().pid();
            } catch (IOException e) {
                return false;
            }
        });
    }

    private RouterClient launch(String environmentKey) {
        Path dir = files.stageDir(environmentKey);
        RouterFile.read(dir).flatMap(f -> ProcessHandle.of(f.pid())).filter(RouterCommand::isRouter)
                .ifPresent(InstanceLauncher::stop); // alive but deaf: it would hold the stable ports
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(RouterFile.in(dir));
        } catch (IOException e) {
            throw new RuntimeFailure("The stage's runtime folder cannot be written: " + e.getMessage());
        }
        ProcessHandle process = RouterCommand.start(command.apply(dir), dir);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RouterClient> started = answering(environmentKey).filter(c -> c.router().pid() == process.pid());
            if (started.isPresent()) {
                log.info("Started the router (pid {}) of stage {}.", process.pid(), environmentKey);
                return started.get();
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        InstanceLauncher.stop(process);
        throw new RuntimeFailure("The stage's router did not start within " + START_TIMEOUT.toSeconds() + " s. "
                + String.join(" ", LogFile.tail(dir.resolve(RouterCommand.LOG), 5)));
    }

    private void end(String environmentKey, RouterClient client) {
        try {
            if (client != null) {
                client.stop();
            }
        } catch (IOException e) {
            log.debug("Router of stage {} did not answer stop: {}", environmentKey, e.getMessage());
        }
        try {
            Files.deleteIfExists(routerFile(environmentKey)); // a router whose file is gone also ends by itself
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", routerFile(environmentKey), e.getMessage());
        }
    }
}
