package dev.stageport.emulator;

import dev.stageport.builds.BuildStep;
import dev.stageport.deployments.DeploymentOperationsType;
import dev.stageport.deployments.DeploymentStep;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a {@link FaultSpec} into a {@link FaultRule}, or refuses it with a 400 naming the field. */
final class FaultRuleValidator {

    /** The statuses a faulted answer may have: those the server answers itself, with a ProblemDetails. */
    static final Set<Integer> STATUSES = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503);
    static final int MAX_DELAY_MILLIS = 60_000;
    static final int MAX_RETRY_AFTER_SECONDS = 86_400;
    static final int DEFAULT_RETRY_AFTER_SECONDS = 60;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String EMULATOR = "/api/stageport/v1/emulator";

    /** Whether the server has a handler for a method and a template written with {@code {}} variables. */
    interface KnownEndpoints {
        boolean serves(String method, String normalTemplate);
    }

    private final KnownEndpoints endpoints;

    FaultRuleValidator(KnownEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    FaultRule validate(String key, FaultSpec spec, Instant now) {
        if (spec == null) {
            throw bad("A fault rule is a JSON object.");
        }
        int after = nonNegative(spec.after(), "after");
        Integer times = spec.times();
        if (times != null && times < 1) {
            throw bad("'times' must be at least 1 (leave it out for every matching call), got " + times + ".");
        }
        double probability = spec.probability() == null ? 1.0 : spec.probability();
        if (!(probability >= 0 && probability <= 1)) {
            throw bad("'probability' must be from 0 to 1, got " + spec.probability() + ".");
        }
        String environmentKey = key(spec.environmentKey(), "environmentKey");
        String assetKey = key(spec.assetKey(), "assetKey");
        String message = spec.message();
        if (message != null && message.length() > 2000) {
            throw bad("'message' must be at most 2000 characters.");
        }
        if (Boolean.TRUE.equals(spec.buildFails())) {
            onlyHttpFieldsAbsent(spec, "buildFails");
            if (spec.operation() != null) {
                throw bad("'operation' does not go with 'buildFails': a rule fails either builds or operations.");
            }
            String step = step(spec.failAtStep() == null ? BuildStep.Package.name() : spec.failAtStep(),
                    Arrays.stream(BuildStep.values()).map(Enum::name).toList(), "a build");
            if (environmentKey != null) {
                throw bad("'environmentKey' does not go with 'buildFails': builds are not made in a stage.");
            }
            return new FaultRule(key, FaultRule.Kind.BUILD, null, null, null, null, 0, times == null ? 1 : times,
                    after, probability, null, null, assetKey, step, message, now);
        }
        if (spec.operation() != null) {
            onlyHttpFieldsAbsent(spec, "operation");
            DeploymentOperationsType type = Arrays.stream(DeploymentOperationsType.values())
                    .filter(t -> t.name().equals(spec.operation())).findFirst()
                    .orElseThrow(() -> bad("'operation' must be one of " + Arrays.toString(
                            DeploymentOperationsType.values()) + ", got '" + spec.operation() + "'."));
            if (spec.failAtStep() == null) {
                throw bad("'failAtStep' is required with 'operation': the step the operation fails at.");
            }
            List<DeploymentStep> plan = type == DeploymentOperationsType.Undeploy
                    ? DeploymentStep.UNDEPLOY : DeploymentStep.DEPLOY;
            String step = step(spec.failAtStep(), plan.stream().map(Enum::name).toList(), "a " + type);
            return new FaultRule(key, FaultRule.Kind.OPERATION, null, null, null, null, 0, times == null ? 1 : times,
                    after, probability, type.name(), environmentKey, assetKey, step, message, now);
        }
        return http(key, spec, times, after, probability, now);
    }

    private FaultRule http(String key, FaultSpec spec, Integer times, int after, double probability, Instant now) {
        if (spec.environmentKey() != null || spec.assetKey() != null || spec.failAtStep() != null
                || spec.message() != null) {
            throw bad("'environmentKey', 'assetKey', 'failAtStep' and 'message' go with 'operation' or "
                    + "'buildFails'; an HTTP fault names 'method' and 'path'.");
        }
        if (spec.method() == null || !METHODS.contains(spec.method().toUpperCase(Locale.ROOT))) {
            throw bad("'method' must be one of " + METHODS.stream().sorted().toList() + ", got "
                    + quoted(spec.method()) + ".");
        }
        String method = spec.method().toUpperCase(Locale.ROOT);
        String path = spec.path();
        if (path == null || !path.startsWith("/") || path.length() > 1000) {
            throw bad("'path' must be a path template such as /api/deployments/v1/deployment-operations/{key}, got "
                    + quoted(path) + ".");
        }
        if (path.startsWith(EMULATOR)) {
            throw bad("'path' may not name the emulator's own endpoints: they must keep answering.");
        }
        PathTemplate template;
        try {
            template = PathTemplate.of(path);
        } catch (IllegalArgumentException e) {
            throw bad("'path' is not a path template: " + e.getMessage() + ".");
        }
        if (!endpoints.serves(method, PathTemplate.normal(path))) {
            throw bad("'path' " + quoted(path) + " with method " + method + " matches no endpoint of the server.");
        }
        Integer status = spec.status();
        if (status != null && !STATUSES.contains(status)) {
            throw bad("'status' must be one of " + STATUSES.stream().sorted().toList() + ", got " + status + ".");
        }
        int delay = nonNegative(spec.delayMillis(), "delayMillis");
        if (delay > MAX_DELAY_MILLIS) {
            throw bad("'delayMillis' must be at most " + MAX_DELAY_MILLIS + ", got " + delay + ".");
        }
        if (status == null && delay == 0) {
            throw bad("'status' is required unless 'delayMillis' slows the call: the rule would change nothing.");
        }
        Integer retryAfter = spec.retryAfterSeconds();
        if (retryAfter != null && (retryAfter < 0 || retryAfter > MAX_RETRY_AFTER_SECONDS)) {
            throw bad("'retryAfterSeconds' must be from 0 to " + MAX_RETRY_AFTER_SECONDS + ", got " + retryAfter + ".");
        }
        if (retryAfter == null && status != null && status == 429) {
            retryAfter = DEFAULT_RETRY_AFTER_SECONDS;
        }
        return new FaultRule(key, FaultRule.Kind.HTTP, method, template, status, retryAfter, delay, times, after,
                probability, null, null, null, null, null, now);
    }

    private static void onlyHttpFieldsAbsent(FaultSpec spec, String kind) {
        if (spec.method() != null || spec.path() != null || spec.status() != null || spec.retryAfterSeconds() != null
                || spec.delayMillis() != null) {
            throw bad("'method', 'path', 'status', 'retryAfterSeconds' and 'delayMillis' describe an HTTP fault; "
                    + "they do not go with '" + kind + "'.");
        }
    }

    private static String step(String step, List<String> plan, String what) {
        if (!plan.contains(step)) {
            throw bad("'failAtStep' must be a step of " + what + " (" + plan + "), got '" + step + "'.");
        }
        return step;
    }

    private static int nonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw bad("'" + field + "' must not be negative, got " + value + ".");
        }
        return value == null ? 0 : value;
    }

    private static String key(String value, String field) {
        if (value != null && !KEY.matcher(value).matches()) {
            throw bad("'" + field + "' must be a key (UUID), got " + quoted(value) + ".");
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + ClockController.abbreviate(value) + "'";
    }

    private static ApiException bad(String detail) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, detail);
    }
}
