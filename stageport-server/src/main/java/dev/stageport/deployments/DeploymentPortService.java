package dev.stageport.deployments;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The {@link DeploymentPort}: the repositories stay inside this package. */
@Service
class DeploymentPortService implements DeploymentPort {

    private final DeploymentService service;
    private final DeploymentRepository operations;
    private final MessageRepository messages;

    DeploymentPortService(DeploymentService service, DeploymentRepository operations, MessageRepository messages) {
        this.service = service;
        this.operations = operations;
        this.messages = messages;
    }

    @Override
    public String deployBuild(String requestedBy, String assetKey, String buildKey, String environmentKey) {
        return service.deployBuild(requestedBy, assetKey, buildKey, environmentKey).key();
    }

    @Override
    public Optional<String> activeFor(String environmentKey, String assetKey) {
        return operations.activeFor(environmentKey, assetKey);
    }

    @Override
    public Optional<OperationStatus> status(String operationKey) {
        return operations.find(operationKey).map(DeploymentOperation::status);
    }

    @Override
    public List<MessageDetailsV1TaskProgressMessage> messages(String operationKey) {
        return messages.list(operationKey, Integer.MAX_VALUE, 0);
    }
}
