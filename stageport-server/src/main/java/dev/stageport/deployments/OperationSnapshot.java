package dev.stageport.deployments;

import java.util.List;
import java.util.Optional;

/**
 * One read of an operation and its messages, shared by everyone who follows it in one
 * round of signals: with thousands of followers of a few hundred operations, a read per
 * follower would make every change cost thousands of queries. Read lazily (a long poll
 * never needs the messages) and in that order, operation first, so a follower that sees a
 * status also sees every message written before it.
 */
public final class OperationSnapshot {

    private final String operationKey;
    private final DeploymentRepository operations;
    private final MessageRepository messages;
    private Optional<DeploymentOperation> operation;
    private List<MessageRepository.Numbered> numbered;

    OperationSnapshot(String operationKey, DeploymentRepository operations, MessageRepository messages) {
        this.operationKey = operationKey;
        this.operations = operations;
        this.messages = messages;
    }

    public synchronized Optional<DeploymentOperation> operation() {
        if (operation == null) {
            operation = operations.find(operationKey);
        }
        return operation;
    }

    /** The messages after the {@code seq}-th, oldest first. */
    public synchronized List<MessageRepository.Numbered> messagesAfter(int seq) {
        operation();
        if (numbered == null) {
            numbered = messages.after(operationKey, 0);
        }
        return numbered.subList(Math.min(Math.max(0, seq), numbered.size()), numbered.size());
    }
}
