package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeploymentStateMachineTest {

    @Test
    void runningMayFinishEitherWay() {
        assertThat(OperationStateMachine.legal(OperationStatus.Running, OperationStatus.Finished)).isTrue();
        assertThat(OperationStateMachine.legal(OperationStatus.Running, OperationStatus.FinishedWithError)).isTrue();
        OperationStateMachine machine = new OperationStateMachine("op", OperationStatus.Running);
        assertThat(machine.transition(OperationStatus.Finished)).isEqualTo(OperationStatus.Running);
        assertThat(machine.history()).containsExactly(OperationStatus.Running, OperationStatus.Finished);
    }

    @Test
    void leavingATerminalStatusThrowsWithTheHistory() {
        OperationStateMachine machine = new OperationStateMachine("op-1", OperationStatus.Running);
        machine.transition(OperationStatus.FinishedWithError);
        assertThatThrownBy(() -> machine.transition(OperationStatus.Finished))
                .isInstanceOf(OperationStateMachine.IllegalTransition.class)
                .hasMessageContaining("op-1")
                .hasMessageContaining("[Running, FinishedWithError]")
                .satisfies(e -> assertThat(((OperationStateMachine.IllegalTransition) e).history())
                        .containsExactly(OperationStatus.Running, OperationStatus.FinishedWithError));
        assertThat(OperationStateMachine.legal(OperationStatus.Running, OperationStatus.Running)).isFalse();
        assertThat(OperationStateMachine.legal(OperationStatus.Finished, OperationStatus.Running)).isFalse();
    }
}
