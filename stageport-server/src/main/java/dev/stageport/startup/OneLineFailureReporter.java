package dev.stageport.startup;

import java.io.PrintStream;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints an analysed start-up failure as one line on stderr, where an operator looks
 * first, instead of Spring Boot's framed report or a stack trace. STAGEPORT_DEBUG=on
 * adds the stack trace for whoever wants to see inside.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {

    static final String PREFIX = "stageport: ";

    @Override
    public void report(FailureAnalysis analysis) {
        PrintStream err = System.err;
        err.println(line(analysis));
        if (debug() && analysis.getCause() != null) {
            analysis.getCause().printStackTrace(err);
        }
        err.flush();
    }

    static String line(FailureAnalysis analysis) {
        String text = analysis.getDescription().strip();
        if (analysis.getAction() != null && !analysis.getAction().isBlank()) {
            text += " " + analysis.getAction().strip();
        }
        return PREFIX + text.replaceAll("\\s+", " ");
    }

    static boolean debug() {
        String value = System.getenv("STAGEPORT_DEBUG");
        return value != null && (value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true"));
    }
}
