package dev.stageport.cli;

import dev.stageport.client.OdcClient;

/**
 * The client and the name book of a command whose subcommands are methods, made at first
 * use and kept: one command object serves one invocation.
 */
final class Connection {

    private final CliContext context;
    private OdcClient client;
    private NameBook names;

    Connection(CliContext context) {
        this.context = context;
    }

    OdcClient client(Globals globals) {
        if (client == null) {
            client = Session.client(context, globals);
        }
        return client;
    }

    /** Names for what the command prints; after {@link #client}, which every subcommand calls first. */
    NameBook names() {
        if (names == null) {
            names = new NameBook(client);
        }
        return names;
    }
}
