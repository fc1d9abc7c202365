package dev.stageport.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.builds.Build;
import dev.stageport.deployments.OperationStatus;
import dev.stageport.publish.PublishOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every pair (from, to) of every kind's transition table: a legal pair moves
 * and is added to the history, an illegal one throws with the history so far. Also
 * pins the number of legal arrows, so a new arrow is a deliberate change of this test.
 */
class TransitionTablesTest {

    record Table(String kind, Transitions<?> table, int legalArrows) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Table> tables() {
        return Stream.of(new Table("deployment", OperationStatus.TRANSITIONS, 2),
                new Table("build", Build.TRANSITIONS, 5),
                new Table("publish", PublishOperation.TRANSITIONS, 4));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void everyLegalPairMovesAndEveryIllegalPairThrowsWithTheHistory(Table t) {
        assertThat(walk(t.table())).isEqualTo(t.legalArrows());
    }

    private static <S extends Enum<S>> int walk(Transitions<S> table) {
        int legal = 0;
        for (S from : table.statuses()) {
            for (S to : table.statuses()) {
                StateMachine<S> machine = new StateMachine<>(table, "op-1", from);
                if (table.legal(from, to)) {
                    assertThat(machine.move(to)).isEqualTo(from);
                    assertThat(machine.history()).containsExactly(from, to);
                    assertThat(machine.current()).isEqualTo(to);
                    legal++;
                } else {
                    assertThatThrownBy(() -> machine.move(to))
                            .isInstanceOf(StateMachine.IllegalTransition.class)
                            .hasMessageContaining("op-1").hasMessageContaining(from + " to " + to)
                            .satisfies(e -> assertThat(((StateMachine.IllegalTransition) e).history())
                                    .containsExactly(from));
                    assertThat(machine.history()).containsExactly(from);
                }
            }
        }
        return legal;
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theLongestLegalPathIsKeptWholeInTheHistoryOfAnIllegalMove(Table t) {
        longestPath(t.table());
    }

    private static <S extends Enum<S>> void longestPath(Transitions<S> table) {
        S start = table.statuses().iterator().next();
        StateMachine<S> machine = new StateMachine<>(table, "op-2", start);
        List<S> path = new ArrayList<>(List.of(start));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (S to : table.statuses()) {
                if (table.legal(machine.current(), to) && !path.contains(to)) {
                    machine.move(to);
                    path.add(to);
                    moved = true;
                    break;
                }
            }
        }
        S back = start;
        assertThatThrownBy(() -> machine.move(back)).isInstanceOf(StateMachine.IllegalTransition.class)
                .satisfies(e -> assertThat(((StateMachine.IllegalTransition) e).history())
                        .containsExactlyElementsOf(path));
        assertThat(path).hasSizeGreaterThan(1);
    }
}
