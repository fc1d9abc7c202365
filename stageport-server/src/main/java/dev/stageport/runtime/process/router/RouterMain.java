package dev.stageport.runtime.process.router;

import java.nio.file.Path;

/**
 * The router process: {@code java -cp <the server's class path> RouterMain <stage runtime folder>}.
 * Plain Java, no Spring, so it starts in well under a second on a small heap.
 */
public final class RouterMain {

    private RouterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RouterMain <stage runtime folder>");
            System.exit(2);
        }
        Router router;
        try {
            router = Router.start(Path.of(args[0]).toAbsolutePath().normalize());
        } catch (RuntimeException | java.io.IOException e) {
            System.err.println("stageport router: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.err.println("stageport router " + router.file().pid() + " for " + args[0] + " listens for commands on "
                + "127.0.0.1:" + router.file().controlPort());
        router.awaitStop();
        System.exit(0);
    }
}
