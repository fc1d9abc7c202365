package dev.stageport.runtime.process;

import dev.stageport.runtime.RuntimeFailure;
import dev.stageport.runtime.process.router.RouterMain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stage's router process is started: the server's own JVM and class path, a small heap,
 * its own session (so a Ctrl-C meant for the server does not reach it), output to
 * {@code router.log} in the stage's folder and an empty environment (never the server's,
 * which holds the database password and master key).
 */
final class RouterCommand {

    static final String LOG = "router.log";
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private RouterCommand() {
    }

    static List<String> forStage(Path stageDir) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx32m", "-Xss256k", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path")));
        String resource = RouterMain.class.getName().replace('.', '/') + ".class";
        if (ClassLoader.getSystemClassLoader().getResource(resource) != null) {
            command.add(RouterMain.class.getName());
        } else {
            // the server runs from its executable jar: Boot's launcher finds the class in BOOT-INF/classes
            command.add("-Dloader.main=" + RouterMain.class.getName());
            command.add(BOOT_LAUNCHER);
        }
        command.add(stageDir.toString());
        return command;
    }

    /** Runs {@code command} in a session of its own where setsid exists (it then keeps the same PID). */
    static List<String> detached(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> out = new ArrayList<>(command.size() + 1);
        out.add(SETSID.toString());
        out.addAll(command);
        return out;
    }

    static ProcessHandle start(List<String> command, Path stageDir) {
        ProcessBuilder builder = new ProcessBuilder(detached(command))
                .directory(stageDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stageDir.resolve(LOG).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(
                        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        builder.environment().clear();
        try {
            return builder.start().toHandle();
        } catch (IOException e) {
            throw new RuntimeFailure("The stage's router could not be started: " + e.getMessage());
        }
    }

    /** Whether a live PID is a router (and not some other program that got a recycled PID). */
    static boolean isRouter(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine().map(c -> c.contains(RouterMain.class.getName()))
                .orElse(false);
    }
}
