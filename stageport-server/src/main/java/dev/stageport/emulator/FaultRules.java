package dev.stageport.emulator;

import dev.stageport.builds.BuildRepository;
import dev.stageport.deployments.DeploymentRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.work.Lease;
import dev.stageport.work.StepFaults;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * The emulator's fault rules, in memory. HTTP rules are asked by {@link FaultFilter} for
 * every call; operation and build rules are the engine's {@link StepFaults}: the first time
 * an operation reaches a step, the first rule that matches it (and still has calls left) is
 * bound to it, and the operation fails when it reaches that rule's step.
 */
@Service
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
public class FaultRules implements StepFaults {

    /** The request attribute that names the rule a faulted answer came from (test guards skip those). */
    public static final String INJECTED = FaultRules.class.getName() + ".injected";

    /** Operations remembered with the rule bound to them; the oldest are forgotten first. */
    static final int REMEMBERED_OPERATIONS = 10_000;

    /** A rule with how many calls (or operations) matched it and how often it fired. */
    public record Counted(FaultRule rule, int matched, int fired) {
    }

    private static final class Armed {
        final FaultRule rule;
        int matched;
        int fired;

        Armed(FaultRule rule) {
            this.rule = rule;
        }

        /** Counts one matching call; true when the rule fires for it. */
        boolean fires() {
            int seen = matched++;
            if (seen < rule.after() || rule.times() != null && fired >= rule.times()) {
                return false;
            }
            if (rule.probability() < 1 && ThreadLocalRandom.current().nextDouble() >= rule.probability()) {
                return false;
            }
            fired++;
            return true;
        }
    }

    private final FaultRuleValidator validator;
    private final DeploymentRepository deployments;
    private final BuildRepository builds;
    private final Clock clock;
    private final Map<String, Armed> rules = new LinkedHashMap<>();
    private final Map<String, Optional<FaultRule>> bound = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<FaultRule>> eldest) {
            return size() > REMEMBERED_OPERATIONS;
        }
    };

    public FaultRules(HandlerEndpoints endpoints, DeploymentRepository deployments, BuildRepository builds,
                      Clock clock) {
        this.validator = new FaultRuleValidator(endpoints);
        this.deployments = deployments;
        this.builds = builds;
        this.clock = clock;
    }

    public FaultRule add(Caller caller, FaultSpec spec) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        return add(spec);
    }

    /** Adds a rule without a caller (a scenario seed); refused like over HTTP when it is not valid. */
    public synchronized FaultRule add(FaultSpec spec) {
        FaultRule rule = validator.validate(UUID.randomUUID().toString(), spec, clock.instant());
        rules.put(rule.key(), new Armed(rule));
        return rule;
    }

    public synchronized List<Counted> list(Caller caller) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        List<Counted> out = new ArrayList<>();
        rules.values().forEach(a -> out.add(new Counted(a.rule, a.matched, a.fired)));
        return out;
    }

    public synchronized void delete(Caller caller, String key) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        if (rules.remove(key) == null) {
            throw ApiException.notFound("There is no fault rule " + ClockController.abbreviate(key) + ".");
        }
    }

    public void deleteAll(Caller caller) {
        caller.require(Permission.EMULATOR_CONTROL, Caller.EVERY_STAGE);
        clear();
    }

    /** Forgets every rule and which operation each was bound to (a reset starts over). */
    public synchronized void clear() {
        rules.clear();
        bound.clear();
    }

    /** The HTTP rule that fires for this call, if one does; every matching rule before it counts the call. */
    public synchronized Optional<FaultRule> httpFault(String method, String path) {
        for (Armed armed : rules.values()) {
            if (armed.rule.matchesCall(method, path) && armed.fires()) {
                return Optional.of(armed.rule);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> failure(Lease lease, String step) {
        Optional<FaultRule> rule;
        synchronized (this) {
            rule = bound.get(lease.key());
        }
        if (rule == null) {
            rule = bind(lease.claimed().kind(), lease.key());
        }
        return rule.filter(r -> r.failAtStep().equals(step)).map(FaultRule::failureMessage);
    }

    private Optional<FaultRule> bind(String kind, String key) {
        synchronized (this) {
            if (rules.values().stream().noneMatch(a -> a.rule.kind() != FaultRule.Kind.HTTP)) {
                // nothing to bind: spare the look-up of the operation
                bound.put(key, Optional.empty());
                return Optional.empty();
            }
        }
        String operation = null;
        String environment = null;
        String asset = null;
        if ("deployment".equals(kind)) {
            var op = deployments.find(key).orElse(null);
            if (op != null) {
                operation = op.operation().name();
                environment = op.environmentKey();
                asset = op.assetKey();
            }
        } else if ("build".equals(kind)) {
            asset = builds.find(key).map(b -> b.assetKey()).orElse(null);
        }
        synchronized (this) {
            Optional<FaultRule> already = bound.get(key);
            if (already != null) {
                return already;
            }
            Optional<FaultRule> chosen = Optional.empty();
            for (Armed armed : rules.values()) {
                if (armed.rule.matchesOperation(kind, operation, environment, asset) && armed.fires()) {
                    chosen = Optional.of(armed.rule);
                    break;
                }
            }
            bound.put(key, chosen);
            return chosen;
        }
    }
}
