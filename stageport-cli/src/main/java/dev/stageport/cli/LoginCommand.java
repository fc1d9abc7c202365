package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import dev.stageport.client.TokenSource;
import java.io.IOException;
import picocli.CommandLine.Command;

/** Gets a token with client credentials and caches it (owner-only file); the secret is not kept. */
@Command(name = "login", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  printf '%%s\\n' \"$SECRET\" | stageport login --url https://odc.example.com --client-id my-client"},
        description = "Get a token (secret from $STAGEPORT_CLIENT_SECRET or stdin) and cache it.")
class LoginCommand extends ServerCommand {

    LoginCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        String url = Session.first(globals.url, context.env("STAGEPORT_URL"), null, "http://localhost:8080");
        Session.requireScheme(url);
        String clientId = Session.first(globals.clientId, context.env("STAGEPORT_CLIENT_ID"), null, null);
        if (clientId == null) {
            throw new UsageException("give --client-id or set STAGEPORT_CLIENT_ID");
        }
        String secret = context.env("STAGEPORT_CLIENT_SECRET");
        if (secret == null) {
            secret = readSecret();
        }
        TokenSource.ClientCredentials tokens = TokenSource.clientCredentials(url, clientId, secret);
        String token = tokens.token();
        Session.save(context, new Session.Cached(url.replaceAll("/+$", ""), clientId, token, tokens.expiresAt()));
        out().line("Logged in to " + url + " as " + clientId + "; the token is valid until " + tokens.expiresAt()
                + ".");
        if (out().json()) {
            out().json(OdcClient.json().valueToTree(
                    java.util.Map.of("url", url, "clientId", clientId, "expiresAt", tokens.expiresAt().toString())));
        }
        return ExitCode.OK;
    }

    private String readSecret() {
        if (context.interactive()) {
            context.err().print("Client secret: ");
            context.err().flush();
            java.io.Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword();
                if (typed != null && typed.length > 0) {
                    return new String(typed);
                }
            }
        }
        try {
            String line = context.in().readLine();
            if (line == null || line.isBlank()) {
                throw new UsageException("no client secret: set STAGEPORT_CLIENT_SECRET or pipe it on stdin");
            }
            return line.strip();
        } catch (IOException e) {
            throw new UsageException("cannot read the client secret from stdin");
        }
    }
}
