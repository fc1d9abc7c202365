package dev.stageport.runtime.process;

import dev.stageport.bundles.RunSpec;
import dev.stageport.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an artifact and starts its command as a child process on a free loopback
 * port. The process gets a clean environment (never the server's own, which holds its
 * database password and master key) plus the configuration variables.
 */
final class InstanceLauncher {

    /** Variables passed through from the server's environment so ordinary commands work. */
    private static final List<String> PASS_THROUGH = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR",
            "JAVA_HOME", "USER");

    /** Unpacks {@code artifact} into {@code instanceDir/app}, refusing entries that escape it. */
    void unpack(Path artifact, Path instanceDir) {
        Path app = instanceDir.resolve("app").toAbsolutePath().normalize();
        try (InputStream raw = Files.newInputStream(artifact); ZipInputStream zip = new ZipInputStream(raw)) {
            Files.createDirectories(app);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = app.resolve(entry.getName()).normalize();
                if (!target.startsWith(app)) {
                    throw new RuntimeFailure("The artifact holds a path outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        } catch (IOException e) {
            throw new RuntimeFailure("The build artifact could not be unpacked: " + e.getMessage());
        }
    }

    /** The environment the app starts with; {@code config} adds the STAGEPORT_* configuration variables. */
    Map<String, String> environment(InstanceRecord record, Path instanceDir, Map<String, String> config,
                                    String portVariable) {
        Map<String, String> env = new HashMap<>();
        for (String name : PASS_THROUGH) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putAll(config);
        env.put("STAGEPORT_ENVIRONMENT_KEY", record.environmentKey());
        env.put("STAGEPORT_ASSET_KEY", record.assetKey());
        env.put("STAGEPORT_REVISION", Integer.toString(record.revision()));
        env.put("STAGEPORT_INSTANCE_ID", record.instanceId());
        env.put("STAGEPORT_CONFIGURATION_FILE", instanceDir.resolve("configuration.json").toAbsolutePath()
                .toString());
        env.remove(portVariable); // set per start
        return env;
    }

    void writeDocument(Path instanceDir, String documentJson) {
        try {
            Files.writeString(instanceDir.resolve("configuration.json"), documentJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the command on a fresh port; output goes to the instance's log file. */
    ProcessHandle start(Path instanceDir, RunSpec run, Map<String, String> env, int port) {
        List<String> command = new ArrayList<>(run.command());
        if (command.isEmpty()) {
            throw new RuntimeFailure("The build has no command to run.");
        }
        if ("java".equals(command.get(0))) {
            // the JVM that runs the server is known to work; PATH may not have one
            command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        // a session of its own, as the stage's router has: a Ctrl-C meant for the server does not reach the app
        ProcessBuilder builder = new ProcessBuilder(RouterCommand.detached(command))
                .directory(instanceDir.resolve("app").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LogFile.of(instanceDir).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put(run.portVariable(), Integer.toString(port));
        try {
            return builder.start().toHandle();
        } catch (IOException e) {
            throw new RuntimeFailure("The app could not be started (" + String.join(" ", run.command()) + "): "
                    + e.getMessage());
        }
    }

    /** Stops the process and whatever it started: TERM first, KILL after a grace period. */
    static void stop(ProcessHandle process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process);
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : family) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
