package dev.stageport.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Entry point of the benchmark jar, driven by bench/run:
 * <pre>
 *   push-latency URL CLIENT_ID SECRET OPERATIONS OUT.json   one run against a running server
 *   engine-throughput URL[,URL...] CLIENT_ID SECRET OPERATIONS CLIENTS OUT.json [SERVER_PID,...]
 *   followers URL CLIENT_ID SECRET SERVER_PID STREAMS LONG_POLLS OUT.json
 *   polling-target URL CLIENT_ID SECRET      prints "TOKEN FINISHED_KEY RUNNING_KEY" for scripts/polling.sh
 *   history-load DATA_DIR ROWS                              fill the stopped server's embedded database
 *   history-load-pg JDBC_URL ROWS                           the same history on PostgreSQL (server stopped)
 *   history-measure URL CLIENT_ID SECRET ROWS SAMPLES OUT.json [h2|postgresql]
 *   postgres URL_FILE [DATA_DIR]                            run PostgreSQL until stopped
 *   report RESULTS_DIR OUT.md full|smoke                               combine runs into the results page
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
            case "followers" -> {
                require(args, 8);
                new Followers(args[1], args[2], args[3], Long.parseLong(args[4])).run(Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]), Path.of(args[7]));
            }
            case "engine-throughput" -> {
                require(args, args.length == 8 ? 8 : 7); // the server pids are optional
                List<Long> pids = args.length > 7 ? Stream.of(args[7].split(",")).map(Long::valueOf).toList()
                        : List.of();
                new EngineThroughput(args[1], args[2], args[3]).run(Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Path.of(args[6]), pids);
            }
            case "polling-target" -> {
                require(args, 4);
                PollingTarget.print(args[1], args[2], args[3]);
            }
            case "history-load" -> {
                require(args, 3);
                long added = HistoryLoader.fill(Path.of(args[1]), Long.parseLong(args[2]));
                System.out.println("history: added " + added + " rows");
            }
            case "history-load-pg" -> {
                require(args, 3);
                long added = PostgresHistoryLoader.fill(args[1], Long.parseLong(args[2]));
                System.out.println("history: added " + added + " rows on PostgreSQL");
            }
            case "history-measure" -> {
                require(args, args.length == 8 ? 8 : 7); // the database's name is optional
                HistoryQueries history = new HistoryQueries(args[1], args[2], args[3]);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("scenario", "history");
                result.put("database", args.length > 7 ? args[7] : "h2");
                result.put("rows", Long.parseLong(args[4]));
                result.put("queries", history.measure(history.queries(), Integer.parseInt(args[5])));
                EngineThroughput.write(Path.of(args[6]), result);
            }
            case "postgres" -> {
                require(args, args.length == 3 ? 3 : 2); // the data directory is optional
                Postgres.serve(Path.of(args[1]), args.length > 2 ? Path.of(args[2]) : null);
            }
            case "report" -> {
                require(args, 4);
                Report.write(Path.of(args[1]), Path.of(args[2]), args[3]);
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
