package dev.stageport.cli;

import dev.stageport.StageportApplication;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One real Stageport server for the CLI tests, started once on a random port with its own data folder. */
final class RunningServer {

    static final String CLIENT_ID = "cli-tests";
    static final String CLIENT_SECRET = "cli-tests-secret-0123456789abcdef";

    private static ConfigurableApplicationContext context;

    private RunningServer() {
    }

    static synchronized String url() {
        if (context == null) {
            context = new SpringApplicationBuilder(StageportApplication.class).run(
                    "--server.port=0",
                    "--stageport.data-dir=" + Path.of("target", "test-data", UUID.randomUUID().toString()),
                    "--stageport.bootstrap.client-id=" + CLIENT_ID,
                    "--stageport.bootstrap.client-secret=" + CLIENT_SECRET,
                    "--stageport.demo.step-duration=20ms",
                    "--stageport.demo.runtime-driver=simulated",
                    "--stageport.stop-apps-on-exit=on",
                    "--stageport.engine.poll-interval=50ms",
                    // the tests together deploy more than ODC's 10 POSTs a minute: with the limits on, the client
                    // waited out the window (about a minute of the module's run); OdcStubTest covers the 429 retry
                    "--stageport.rate-limits.mode=off");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
