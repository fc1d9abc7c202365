package dev.stageport.emulator;

import dev.stageport.deployments.StatusResponses;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.CallerDirectory;
import dev.stageport.identity.TokenGenerations;
import dev.stageport.work.OperationEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Reset and snapshots. The state right after start-up (bootstrap client, demo or scenario
 * seed) is kept as the snapshot {@link #SEED}; a reset restores it. Before any restore
 * the engine stops: running operations are cancelled (their steps undo what they started
 * in the runtime), and only once no worker holds one are the tables replaced.
 */
@Service
public class EmulatorState {

    /** Not a valid user snapshot name, so no user snapshot can replace it. */
    static final String SEED = "$seed";
    static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Logger log = LoggerFactory.getLogger(EmulatorState.class);

    private final SnapshotRepository snapshots;
    private final OperationEngine engine;
    private final CallerDirectory callers;
    private final StatusResponses statuses;
    private final Clock clock;
    private final ObjectProvider<EmulatorTraffic> traffic;
    private final TokenGenerations tokens;
    private volatile boolean tokensSurviveReset = true;

    public EmulatorState(SnapshotRepository snapshots, OperationEngine engine, CallerDirectory callers,
                         StatusResponses statuses, Clock clock, ObjectProvider<EmulatorTraffic> traffic,
                         TokenGenerations tokens) {
        this.snapshots = snapshots;
        this.engine = engine;
        this.callers = callers;
        this.statuses = statuses;
        this.clock = clock;
        this.traffic = traffic;
        this.tokens = tokens;
    }

    /** As the scenario seed says ({@code tokensSurviveReset}); without a seed, tokens survive. */
    void tokensSurviveReset(boolean survive) {
        tokensSurviveReset = survive;
    }

    /** Back to the state after start-up; answers once the tables hold it again. */
    public synchronized void reset() {
        if (!snapshots.exists(SEED)) {
            throw ApiException.conflict("The server has not finished starting: there is no seed state to reset to "
                    + "yet. Wait for /actuator/health/readiness to report UP.");
        }
        restoreStopped(SEED);
    }

    public synchronized Instant snapshot(String name) {
        Instant now = clock.instant();
        snapshots.take(validName(name), now);
        return now;
    }

    public synchronized void restore(String name) {
        if (!snapshots.exists(validName(name))) {
            throw ApiException.notFound("There is no snapshot named '" + name + "'.");
        }
        restoreStopped(name);
    }

    /** Keeps the state after start-up once; a restart on the same database keeps the first one. */
    synchronized boolean keepSeedState() {
        if (snapshots.exists(SEED)) {
            return false;
        }
        snapshots.take(SEED, clock.instant());
        return true;
    }

    int runningOperations() {
        return snapshots.runningOperations();
    }

    private void restoreStopped(String name) {
        try {
            if (!engine.hold("emulator", "The emulator state was reset.", STOP_WAIT)) {
                log.warn("Some operations did not stop within {}; their later writes find no row and change nothing.",
                        STOP_WAIT);
            }
            snapshots.restore(name);
            if (!tokensSurviveReset) {
                tokens.refuseAllIssuedSoFar();
            }
            traffic.ifAvailable(EmulatorTraffic::startOver);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the running operations", e);
        } finally {
            callers.forgetAll();
            statuses.forgetAll();
            engine.release();
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("'name' is required: letters, digits, '.', '_' or '-', up to 100.");
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("'name' must be letters, digits, '.', '_' or '-' (starting with a letter "
                    + "or digit), up to 100 characters; got '" + abbreviate(name) + "'.");
        }
        return name;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
