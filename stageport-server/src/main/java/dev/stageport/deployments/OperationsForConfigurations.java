package dev.stageport.deployments;

import dev.stageport.configurations.ApplyingOperations;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Deployment operations as configuration history sees them. */
@Component
class OperationsForConfigurations implements ApplyingOperations {

    private final DeploymentRepository operations;

    OperationsForConfigurations(DeploymentRepository operations) {
        this.operations = operations;
    }

    @Override
    public Optional<Applying> find(String operationKey) {
        return operations.find(operationKey).map(OperationsForConfigurations::applying);
    }

    @Override
    public Optional<Applying> active(String environmentKey, String assetKey) {
        return operations.activeFor(environmentKey, assetKey).flatMap(this::find);
    }

    private static Applying applying(DeploymentOperation op) {
        return new Applying(op.key(), op.operation().name(), op.environmentKey(), op.assetKey(), op.revision(),
                op.deployedBy(), op.appliedConfig());
    }
}
