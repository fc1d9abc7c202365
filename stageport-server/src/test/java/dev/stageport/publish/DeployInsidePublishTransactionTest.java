package dev.stageport.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.doReturn;

import dev.stageport.demo.DemoData;
import dev.stageport.deployments.DeploymentPort;
import dev.stageport.deployments.DeploymentRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.support.OneTickServerTest;
import dev.stageport.work.EngineSignal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Deploy a publish records joins the publish's transaction. Run with
 * -Dstageport.test.database=postgresql to prove the aborted-transaction case: there a
 * failed insert makes every later statement of the transaction fail.
 */
class DeployInsidePublishTransactionTest extends OneTickServerTest {

    @Autowired
    DeploymentPort deployments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EngineSignal signal;
    /** OneTickServerTest's spy. */
    @Autowired
    DeploymentRepository operations;

    @Test
    void workersAreWokenOnlyAfterTheTransactionThatRecordsTheDeployCommits() {
        TestApp app = newApp();
        long before = signal.generation();

        transactions.executeWithoutResult(tx -> {
            deployments.deployBuild(CLIENT_ID, app.key(), app.release1(), DemoData.QA);
            assertThat(signal.generation()).as("woken inside the transaction").isEqualTo(before);
        });

        assertThat(signal.generation()).isGreaterThan(before);
    }

    @Test
    void aDeployRolledBackWithItsTransactionWakesNobody() {
        TestApp app = newApp();
        long before = signal.generation();

        transactions.executeWithoutResult(tx -> {
            deployments.deployBuild(CLIENT_ID, app.key(), app.release1(), DemoData.QA);
            tx.setRollbackOnly();
        });

        assertThat(signal.generation()).isEqualTo(before);
        assertThat(deployments.activeFor(DemoData.QA, app.key())).isEmpty();
    }

    @Test
    void aDeployThatLosesTheActiveSlotInsideATransactionIsRefusedAsInProgressWithoutReadingAgain() {
        TestApp app = newApp();
        String winner = deployments.deployBuild(CLIENT_ID, app.key(), app.release1(), DemoData.QA);
        // the check ran before the winner's insert committed, so it saw the slot free; the unique index decides
        doReturn(Optional.empty()).doCallRealMethod().when(operations).activeFor(DemoData.QA, app.key());
        long before = signal.generation();

        ApiException refused = catchThrowableOfType(ApiException.class, () -> transactions.executeWithoutResult(
                tx -> deployments.deployBuild(CLIENT_ID, app.key(), app.release2(), DemoData.QA)));

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.OPERATION_IN_PROGRESS);
        assertThat(signal.generation()).isEqualTo(before);
        assertThat(deployments.activeFor(DemoData.QA, app.key())).contains(winner);
    }
}
