package dev.stageport.deployments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legal status transitions of one operation, and the history it went through.
 * Every status write asks it first, so a bug that would resurrect a finished
 * operation fails loudly with the full story instead of corrupting the record.
 */
public final class OperationStateMachine {

    private static final Map<OperationStatus, Set<OperationStatus>> LEGAL = new EnumMap<>(OperationStatus.class);

    static {
        LEGAL.put(OperationStatus.Running, EnumSet.of(OperationStatus.Finished, OperationStatus.FinishedWithError));
        LEGAL.put(OperationStatus.Finished, EnumSet.noneOf(OperationStatus.class));
        LEGAL.put(OperationStatus.FinishedWithError, EnumSet.noneOf(OperationStatus.class));
    }

    private final String operationKey;
    private final List<OperationStatus> history = new ArrayList<>();

    public OperationStateMachine(String operationKey, OperationStatus current) {
        this.operationKey = operationKey;
        this.history.add(current);
    }

    public static boolean legal(OperationStatus from, OperationStatus to) {
        return LEGAL.get(from).contains(to);
    }

    public OperationStatus current() {
        return history.get(history.size() - 1);
    }

    public List<OperationStatus> history() {
        return List.copyOf(history);
    }

    /** Records the move to {@code to} and returns the status it left. */
    public OperationStatus transition(OperationStatus to) {
        OperationStatus from = current();
        if (!legal(from, to)) {
            throw new IllegalTransition(operationKey, from, to, history());
        }
        history.add(to);
        return from;
    }

    /** A status write that the table forbids; carries what the operation went through. */
    public static final class IllegalTransition extends IllegalStateException {

        private final List<OperationStatus> history;

        IllegalTransition(String operationKey, OperationStatus from, OperationStatus to,
                          List<OperationStatus> history) {
            super("Operation " + operationKey + " cannot go from " + from + " to " + to + " (history: " + history
                    + ").");
            this.history = history;
        }

        public List<OperationStatus> history() {
            return history;
        }
    }
}
