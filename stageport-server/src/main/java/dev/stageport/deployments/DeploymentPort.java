package dev.stageport.deployments;

import java.util.List;
import java.util.Optional;

/**
 * What another feature may do with deployment operations without reaching into their
 * tables: start a Deploy of a finished Release build, look at an operation's status and
 * read its messages. A publish operation uses deployments only through this port.
 */
public interface DeploymentPort {

    /**
     * Records a Deploy of a finished Release build for a request authorized elsewhere (a
     * publish checked its caller when it was created) and returns the operation's key. Called
     * inside a transaction it joins it: nothing is read after a failed insert (PostgreSQL
     * refuses that in an aborted transaction) and workers are woken only after the commit.
     *
     * @throws dev.stageport.errors.ApiException OPERATION_IN_PROGRESS while another operation
     *     runs (or starts at the same moment) for the asset in the stage
     */
    String deployBuild(String requestedBy, String assetKey, String buildKey, String environmentKey);

    /** The operation that is running for the asset in the stage, if one is. */
    Optional<String> activeFor(String environmentKey, String assetKey);

    /** The status of an operation; empty when no operation has the key. */
    Optional<OperationStatus> status(String operationKey);

    /** All messages of an operation, oldest first. */
    List<MessageDetailsV1TaskProgressMessage> messages(String operationKey);
}
