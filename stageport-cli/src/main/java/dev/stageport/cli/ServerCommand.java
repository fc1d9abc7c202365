package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that talks to a server: it has the global options and a lazily made client. */
abstract class ServerCommand implements Callable<Integer> {

    @Mixin
    Globals globals;

    protected final CliContext context;
    private OdcClient client;
    private Output output;
    private NameBook names;

    ServerCommand(CliContext context) {
        this.context = context;
    }

    protected OdcClient client() {
        if (client == null) {
            client = Session.client(context, globals);
        }
        return client;
    }

    /** Stage and asset names for this command, each looked up once. */
    protected NameBook names() {
        if (names == null) {
            names = new NameBook(client());
        }
        return names;
    }

    protected Output out() {
        if (output == null) {
            output = new Output(context, globals);
        }
        return output;
    }

    @Override
    public final Integer call() {
        return run();
    }

    protected abstract int run();
}
