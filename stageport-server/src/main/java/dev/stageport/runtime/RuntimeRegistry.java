package dev.stageport.runtime;

import dev.stageport.portfolio.Stage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Picks the driver a stage is configured with; every {@link Runtime} bean registers itself. */
@Component
public class RuntimeRegistry {

    private final Map<String, Runtime> drivers;

    public RuntimeRegistry(List<Runtime> drivers) {
        this.drivers = drivers.stream().collect(Collectors.toUnmodifiableMap(Runtime::driver, Function.identity()));
    }

    /** The driver registered under this name, if this server has it. */
    public java.util.Optional<Runtime> find(String driver) {
        return java.util.Optional.ofNullable(driver == null ? null : drivers.get(driver));
    }

    /** The names of every driver this server has, sorted. */
    public java.util.SortedSet<String> names() {
        return new java.util.TreeSet<>(drivers.keySet());
    }

    /** @throws RuntimeFailure when the stage names a driver this server does not have */
    public Runtime forStage(Stage stage) {
        Runtime runtime = drivers.get(stage.runtimeDriver());
        if (runtime == null) {
            throw new RuntimeFailure("The stage '" + stage.name() + "' uses the runtime driver '"
                    + stage.runtimeDriver() + "', which this server does not have (available: "
                    + drivers.keySet() + ").");
        }
        return runtime;
    }
}
