package dev.stageport.cli;

import dev.stageport.client.JsonTrees;
import dev.stageport.client.OdcClient;
import dev.stageport.client.TokenSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The token cache of {@code stageport login}: URL, client id, token and its
 * expiry in a file only its owner may read. The client secret is never stored.
 */
public final class Session {

    static final String FILE = "session.json";

    public record Cached(String url, String clientId, String token, Instant expiresAt) {
    }

    private Session() {
    }

    public static void save(CliContext context, Cached session) {
        Path dir = context.configDir();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "session", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, OdcClient.json().writeValueAsString(session));
            Files.move(temp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token cache in " + dir, e);
        }
    }

    /** The cached session, or null when there is none or it cannot be read; read without binding (see JsonTrees). */
    public static Cached load(CliContext context) {
        Path file = context.configDir().resolve(FILE);
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            JsonNode saved = JsonTrees.read(Files.readString(file));
            return new Cached(text(saved, "url"), text(saved, "clientId"), text(saved, "token"),
                    Instant.parse(saved.path("expiresAt").asString()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /**
     * A client for the given (or remembered) URL: client credentials when a client
     * id and STAGEPORT_CLIENT_SECRET are at hand, else the cached token from login.
     */
    public static OdcClient client(CliContext context, Globals globals) {
        Cached cached = load(context);
        String url = first(globals.url, context.env("STAGEPORT_URL"), cached == null ? null : cached.url(),
                "http://localhost:8080");
        requireScheme(url);
        String clientId = first(globals.clientId, context.env("STAGEPORT_CLIENT_ID"), null, null);
        String secret = context.env("STAGEPORT_CLIENT_SECRET");
        if (clientId != null && secret != null) {
            return told(context, new OdcClient(url, TokenSource.clientCredentials(url, clientId, secret)));
        }
        if (cached != null && sameUrl(cached.url(), url) && cached.expiresAt().isAfter(context.clock().instant())) {
            return told(context, new OdcClient(url, TokenSource.fixed(cached.token())));
        }
        throw new UsageException("not logged in to " + url + ": run 'stageport login' or set STAGEPORT_CLIENT_ID"
                + " and STAGEPORT_CLIENT_SECRET");
    }

    /** A URL without a scheme would be read as a path: say so before anything is sent. */
    static void requireScheme(String url) {
        if (!url.matches("(?i)https?://[^/\\s]+.*")) {
            throw new UsageException("the server URL must start with http:// or https:// (got '" + url + "')");
        }
    }

    /** Says on stderr why the command waits before it tries again, and for how long. */
    private static OdcClient told(CliContext context, OdcClient client) {
        return client.withRetryNotice((why, delay) -> context.err().println("stageport: " + why + "; trying again in "
                + DurationConverter.describe(delay)));
    }

    private static boolean sameUrl(String a, String b) {
        return a.replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
    }

    static String first(String a, String b, String c, String fallback) {
        for (String value : new String[] {a, b, c}) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return fallback;
    }
}
