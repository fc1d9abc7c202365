package dev.stageport.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the benchmark jar, driven by bench/run:
 * <pre>
 *   push-latency URL CLIENT_ID SECRET OPERATIONS OUT.json   one run against a running server
 *   engine-throughput URL CLIENT_ID SECRET OPERATIONS CLIENTS OUT.json
 *   polling-target URL CLIENT_ID SECRET                     prints "TOKEN KEY" for scripts/polling.sh
 *   report RESULTS_DIR OUT.md                               combine runs into the results page
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "push-latency" -> {
                require(args, 6);
                new PushLatency(args[1], args[2], args[3]).run(Integer.parseInt(args[4]), Path.of(args[5]));
            }
            case "engine-throughput" -> {
                require(args, 7);
                new EngineThroughput(args[1], args[2], args[3]).run(Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Path.of(args[6]));
            }
            case "polling-target" -> {
                require(args, 4);
                PollingTarget.print(args[1], args[2], args[3]);
            }
            case "report" -> {
                require(args, 3);
                Report.write(Path.of(args[1]), Path.of(args[2]));
            }
            default -> usage();
        }
    }

    private static void require(String[] args, int count) {
        if (args.length != count) {
            System.err.println("bench: wrong arguments: " + Arrays.toString(args));
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: push-latency URL CLIENT_ID SECRET OPERATIONS OUT.json | report DIR OUT.md");
        System.exit(2);
    }
}
