package dev.stageport.runtime;

import dev.stageport.portfolio.AppAddresses;
import dev.stageport.portfolio.Stage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Answers {@link AppAddresses} from the stage's runtime driver, the same URL the instance view shows. */
@Component
class RuntimeAppAddresses implements AppAddresses {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeAppAddresses.class);

    private final RuntimeRegistry runtimes;

    RuntimeAppAddresses(RuntimeRegistry runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public Optional<String> addressOf(Stage stage, String assetKey) {
        Optional<Runtime> runtime = runtimes.find(stage.runtimeDriver());
        if (runtime.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(runtime.get().status(stage, assetKey).url());
        } catch (RuntimeException e) {
            // a listing must not fail because one stage's cluster is unreachable; the address is just unknown
            LOG.debug("No address for asset {} in stage {}: {}", assetKey, stage.key(), e.toString());
            return Optional.empty();
        }
    }
}
