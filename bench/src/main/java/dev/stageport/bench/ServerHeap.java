package dev.stageport.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's live heap by class, read with {@code jcmd PID GC.class_histogram} (which runs a full
 * GC first), and its native memory when it runs with -XX:NativeMemoryTracking. Bytes per follower
 * measured this way do not depend on the machine's load, unlike latencies.
 */
final class ServerHeap {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern NATIVE = Pattern.compile("^-\\s+([A-Za-z ]+?)\\s+\\(reserved=\\d+KB, committed=(\\d+)KB");

    /** Live bytes by class name; total under the key "". */
    record Histogram(Map<String, Long> bytes) {
        long total() {
            return bytes.getOrDefault("", 0L);
        }

        /** The classes that grew most from {@code before}, in bytes per {@code count}. */
        Map<String, Long> grownPer(Histogram before, int count, int top) {
            Map<String, Long> grown = new HashMap<>();
            bytes.forEach((name, b) -> {
                long diff = b - before.bytes.getOrDefault(name, 0L);
                if (!name.isEmpty() && diff > 0) {
                    grown.put(name, diff / Math.max(1, count));
                }
            });
            Map<String, Long> largest = new LinkedHashMap<>();
            grown.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .forEach(e -> largest.put(e.getKey(), e.getValue()));
            return largest;
        }
    }

    private final long pid;

    ServerHeap(long pid) {
        this.pid = pid;
    }

    Histogram histogram() {
        Map<String, Long> bytes = new HashMap<>();
        long total = 0;
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                long b = Long.parseLong(row.group(2));
                bytes.merge(row.group(3), b, Long::sum);
                total += b;
            }
        }
        bytes.put("", total);
        return new Histogram(bytes);
    }

    /** Committed KB by category (Java Heap, Thread, Code, Class, Internal...); empty without tracking. */
    Map<String, Long> nativeCommittedKb() {
        Map<String, Long> kb = new LinkedHashMap<>();
        for (String line : jcmd("VM.native_memory summary").split("\n")) {
            Matcher m = NATIVE.matcher(line.trim());
            if (m.find()) {
                kb.put(m.group(1).trim(), Long.parseLong(m.group(2)));
            }
        }
        return kb;
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder(("jcmd " + pid + " " + command).split(" ")).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(5, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            return "";   // no jcmd on this PATH: the figures are left out, not invented
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
