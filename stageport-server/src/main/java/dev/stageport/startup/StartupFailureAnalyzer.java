package dev.stageport.startup;

import dev.stageport.secrets.InvalidMasterKey;
import dev.stageport.secrets.WrongMasterKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

/**
 * Turns every start-up failure into one sentence for {@link OneLineFailureReporter}:
 * the problems the pre-flight checks and the server name themselves, a setting that
 * does not bind, a port taken after the check, a master key that opens nothing, and,
 * last, anything else as its innermost message (a bug then; STAGEPORT_DEBUG=on shows it).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureAnalyzer implements FailureAnalyzer {

    static final String WRONG_KEY = "the master key (STAGEPORT_MASTER_KEY, or master.key in the data directory) is not "
            + "the key this database's secrets were sealed with; start again with the original key.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        StartupProblem problem = find(failure, StartupProblem.class);
        if (problem != null) {
            return new FailureAnalysis(problem.getMessage(), null, failure);
        }
        InvalidMasterKey invalidKey = find(failure, InvalidMasterKey.class);
        if (invalidKey != null) {
            return new FailureAnalysis(invalidKey.getMessage(), null, failure);
        }
        WrongMasterKey wrongKey = find(failure, WrongMasterKey.class);
        if (wrongKey != null) {
            return new FailureAnalysis(WRONG_KEY, null, failure);
        }
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            return new FailureAnalysis(describe(bind), null, failure);
        }
        PortInUseException port = find(failure, PortInUseException.class);
        if (port != null) {
            return new FailureAnalysis(Preflight.portInUse(port.getPort()), null, failure);
        }
        return new FailureAnalysis("the server could not start: " + innermost(failure)
                + " (STAGEPORT_DEBUG=on prints the details).", null, failure);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    /** Names the environment variable the operator set where there is one, and what the setting expects. */
    private static String describe(BindException bind) {
        Object raw = bind.getProperty() == null ? null : bind.getProperty().getValue();
        Origin origin = bind.getProperty() == null ? null : bind.getProperty().getOrigin();
        String setting = bind.getName().toString();
        Matcher variable = raw == null ? null : VARIABLE.matcher(raw.toString());
        String what;
        if (variable != null && variable.matches() && System.getenv(variable.group(1)) != null) {
            what = variable.group(1) + "='" + System.getenv(variable.group(1)) + "'";
        } else {
            what = setting + (raw == null ? "" : "='" + raw + "'") + (origin == null ? "" : " (from " + origin + ")");
        }
        return what + " is not a valid value for " + setting + ": expected " + expected(bind.getTarget().getType()
                .resolve(Object.class)) + ".";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == DataSize.class) {
            return "a size such as 200MB";
        }
        if (type == Duration.class) {
            return "a duration such as 30s or 500ms";
        }
        return type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a " + type.getSimpleName();
    }

    static String innermost(Throwable failure) {
        List<Throwable> seen = new ArrayList<>();
        Throwable t = failure;
        while (t.getCause() != null && !seen.contains(t.getCause())) {
            seen.add(t);
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.strip().replaceAll("\\.$", "");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = failure; t != null && !seen.contains(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            seen.add(t);
        }
        return null;
    }
}
