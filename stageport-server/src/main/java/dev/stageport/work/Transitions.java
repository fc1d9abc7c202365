package dev.stageport.work;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A table of legal status transitions. Every status write asks it first, so a bug
 * that would resurrect a finished build or publish fails loudly instead of
 * rewriting history; the conditional UPDATE then makes the write itself race-free.
 */
public final class Transitions<S extends Enum<S>> {

    private final String what;
    private final Map<S, Set<S>> legal;

    private Transitions(String what, Class<S> type) {
        this.what = what;
        this.legal = new EnumMap<>(type);
        for (S status : type.getEnumConstants()) {
            legal.put(status, EnumSet.noneOf(type));
        }
    }

    public static <S extends Enum<S>> Transitions<S> of(String what, Class<S> type) {
        return new Transitions<>(what, type);
    }

    @SafeVarargs
    public final Transitions<S> allow(S from, S... to) {
        legal.get(from).addAll(Set.of(to));
        return this;
    }

    public String what() {
        return what;
    }

    /** Every status, for tests that walk the whole table. */
    public Set<S> statuses() {
        return legal.keySet();
    }

    public boolean legal(S from, S to) {
        return legal.get(from).contains(to);
    }

    /** @throws StateMachine.IllegalTransition when the table has no arrow from {@code from} to {@code to} */
    public S check(String key, S from, S to) {
        new StateMachine<>(this, key, from).move(to);
        return to;
    }
}
