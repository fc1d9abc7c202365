package dev.stageport.deployments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The engine's meters, kept here so the runner speaks in operations and steps and
 * never in Micrometer types. Names follow Micrometer's dotted style; the Prometheus
 * registry renders them as stageport_operations_total and stageport_operation_step_seconds.
 */
@Component
class EngineMetrics {

    static final String OK = "ok";
    static final String FAILED = "failed";
    /** The step waits (for an approval) and the operation was handed back until later. */
    static final String WAITING = "waiting";
    /** Another worker took the operation over, or our final write did not commit. */
    static final String LOST = "lost";

    private final MeterRegistry registry;

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        // register every series up front so a dashboard sees zeros instead of gaps before the first operation
        for (DeploymentOperationsType type : DeploymentOperationsType.values()) {
            for (OperationStatus status : OperationStatus.values()) {
                if (status.terminal()) {
                    operations(type.name(), status);
                }
            }
        }
    }

    void operationEnded(String operation, OperationStatus status) {
        operations(operation, status).increment();
    }

    void stepEnded(String operation, String step, String outcome, Duration took) {
        Timer.builder("stageport.operation.step")
                .description("Time spent in one step of a deployment operation")
                .tag("operation", operation).tag("step", step).tag("outcome", outcome)
                .register(registry)
                .record(took.isNegative() ? Duration.ZERO : took);
    }

    private Counter operations(String operation, OperationStatus status) {
        return Counter.builder("stageport.operations")
                .description("Deployment operations that reached a terminal status")
                .tag("operation", operation).tag("status", status.name())
                .register(registry);
    }
}
