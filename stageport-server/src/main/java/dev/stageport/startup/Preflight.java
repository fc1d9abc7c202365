package dev.stageport.startup;

import dev.stageport.StageportProperties;
import dev.stageport.secrets.InvalidMasterKey;
import dev.stageport.secrets.MasterKeyConfiguration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * Checks what an operator sets before the server creates anything (data folder, database
 * files, keys): settings bind, the master key is base64 of 32 bytes, the port is free, the
 * database answers, the data folder can be written and has room. Each problem is a
 * {@link StartupProblem} whose one line names the setting, so a typo never leaves half a
 * data folder behind or ends in a stack trace.
 */
public final class Preflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final int DATABASE_TIMEOUT_SECONDS = 5;

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 10; // after logging is set up, before any bean
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Binder binder = Binder.get(environment);
        StageportProperties properties = binder.bindOrCreate("stageport", StageportProperties.class);
        int port = binder.bindOrCreate("server.port", Integer.class);
        DataSize minFree = binder.bindOrCreate("stageport.data-dir-min-free", DataSize.class);
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        masterKey(properties.masterKey(), dataDir);
        port(port);
        database(environment);
        dataDir(dataDir, minFree);
    }

    private static void masterKey(String configured, Path dataDir) {
        try {
            if (!configured.isBlank()) {
                MasterKeyConfiguration.decode(configured, "STAGEPORT_MASTER_KEY");
            } else if (Files.isRegularFile(dataDir.resolve("master.key"))) {
                Path file = dataDir.resolve("master.key");
                MasterKeyConfiguration.decode(Files.readString(file), file.toString());
            }
        } catch (InvalidMasterKey e) {
            throw new StartupProblem(e.getMessage());
        } catch (IOException e) {
            throw new StartupProblem("the master key file in " + dataDir + " cannot be read: " + e.getMessage());
        }
    }

    private static void port(int port) {
        if (port <= 0) {
            return; // 0 asks for any free port
        }
        if (port > 65535) {
            throw new StartupProblem("STAGEPORT_PORT=" + port + " is not a port number (1-65535).");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartupProblem(portInUse(port));
        }
    }

    static String portInUse(int port) {
        return "port " + port + " is already in use; stop what listens there or choose another with STAGEPORT_PORT.";
    }

    private static void database(ConfigurableEnvironment environment) {
        String url = environment.getProperty("stageport.db.url", "");
        if (url.isBlank()) {
            return; // the embedded database lives in the data folder, checked next
        }
        if (!url.startsWith("jdbc:")) {
            throw new StartupProblem("STAGEPORT_DB_URL=" + url + " is not a JDBC URL (for example "
                    + "jdbc:postgresql://localhost:5432/stageport).");
        }
        DriverManager.setLoginTimeout(DATABASE_TIMEOUT_SECONDS);
        try (Connection ignored = DriverManager.getConnection(url, environment.getProperty("stageport.db.user", ""),
                environment.getProperty("stageport.db.password", ""))) {
            // reachable, and the credentials work
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            throw new StartupProblem("cannot connect to the database at STAGEPORT_DB_URL=" + url + ": " + reason
                    + (reason.endsWith(".") ? "" : "."));
        }
    }

    private static void dataDir(Path dir, DataSize minFree) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(Files.createTempFile(dir, ".write-check-", ".tmp"));
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < minFree.toBytes()) {
                throw new StartupProblem("the data directory " + dir + " has only " + DataSize.ofBytes(free).toMegabytes()
                        + " MB free; Stageport needs at least " + minFree.toMegabytes() + " MB "
                        + "(STAGEPORT_DATA_DIR_MIN_FREE).");
            }
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new StartupProblem("the data directory " + dir + " (STAGEPORT_DATA_DIR) cannot be used: "
                    + (e.getFile() == null ? "" : e.getFile() + ": ") + reason + ".");
        } catch (IOException e) {
            throw new StartupProblem("the data directory " + dir + " (STAGEPORT_DATA_DIR) cannot be used: "
                    + e.getMessage() + ".");
        }
    }
}
