package dev.stageport.work;

import java.util.ArrayList;
import java.util.List;

/**
 * The status of one operation moving through its kind's {@link Transitions} table.
 * It lives as long as the worker holds the operation, so its history holds every
 * status the operation went through in that run; an illegal move throws with it.
 */
public final class StateMachine<S extends Enum<S>> {

    private final Transitions<S> table;
    private final String key;
    private final List<S> history = new ArrayList<>();

    public StateMachine(Transitions<S> table, String key, S current) {
        this.table = table;
        this.key = key;
        this.history.add(current);
    }

    public S current() {
        return history.get(history.size() - 1);
    }

    public List<S> history() {
        return List.copyOf(history);
    }

    /** Records the move to {@code to} and returns the status it left. */
    public S move(S to) {
        S from = current();
        if (!table.legal(from, to)) {
            throw new IllegalTransition(table.what() + " " + key, from, to, history());
        }
        history.add(to);
        return from;
    }

    /** A status write that the table forbids; carries what the operation went through. */
    public static final class IllegalTransition extends IllegalStateException {

        private final List<Enum<?>> history;

        IllegalTransition(String what, Enum<?> from, Enum<?> to, List<? extends Enum<?>> history) {
            super("The " + what + " cannot go from " + from + " to " + to + " (history: " + history + ").");
            this.history = List.copyOf(history);
        }

        public List<Enum<?>> history() {
            return history;
        }
    }
}
