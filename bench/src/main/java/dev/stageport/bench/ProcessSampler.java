package dev.stageport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples a process's resident memory and thread count from /proc every 100 ms, keeping the peaks. */
final class ProcessSampler {

    record Sample(long rssMb, int threads) {
    }

    private final long pid;
    private volatile boolean running = true;
    private volatile long peakRssMb;
    private volatile int peakThreads;
    private final Thread thread = new Thread(this::loop, "process-sampler");

    ProcessSampler(long pid) {
        this.pid = pid;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    long peakRssMb() {
        return peakRssMb;
    }

    int peakThreads() {
        return peakThreads;
    }

    /** The server's java executable, which names its JDK. */
    String java() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The last {@code -Xmx} on the process's command line (the one the JVM obeys), or "" when none. */
    String maxHeapOption() {
        try {
            String last = "";
            for (String arg : Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0")) {
                if (arg.startsWith("-Xmx")) {
                    last = arg;
                }
            }
            return last;
        } catch (IOException e) {
            return "";
        }
    }

    Sample now() {
        long rss = 0;
        int threads = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status: is the server running?", e);
        }
        return new Sample(rss, threads);
    }

    private void loop() {
        while (running) {
            Sample sample = now();
            peakRssMb = Math.max(peakRssMb, sample.rssMb());
            peakThreads = Math.max(peakThreads, sample.threads());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
