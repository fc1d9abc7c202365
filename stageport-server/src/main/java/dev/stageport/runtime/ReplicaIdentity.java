package dev.stageport.runtime;

import dev.stageport.StageportProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which server process this is, stable across restarts: STAGEPORT_REPLICA_ID, or by default
 * the host name plus a short hash of the data folder, so two replicas on one machine (each with
 * its own data folder) differ and a restarted replica is the same one again.
 */
@Component
public class ReplicaIdentity {

    public static final String RULE = "1 to 100 letters, digits, '.', '_' or '-'";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String id;

    public ReplicaIdentity(@Value("${stageport.replica-id:}") String configured, StageportProperties properties) {
        String chosen = configured.isBlank() ? fallback(properties) : configured.trim();
        if (!valid(chosen)) {
            throw new IllegalStateException("STAGEPORT_REPLICA_ID must be " + RULE + ", got '" + chosen + "'.");
        }
        this.id = chosen;
    }

    public String id() {
        return id;
    }

    public static boolean valid(String candidate) {
        return candidate != null && ID.matcher(candidate).matches();
    }

    private static String fallback(StageportProperties properties) {
        String dataDir = properties.dataDir().toAbsolutePath().normalize().toString();
        String host = hostName().replaceAll("[^A-Za-z0-9._-]", "-");
        if (host.length() > 80) {
            host = host.substring(0, 80);
        }
        return host + "-" + sha256(dataDir).substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
