package dev.stageport.runtime.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An instance's output file. The process writes to it directly in append mode (so
 * output keeps flowing if the server dies); {@link #cap} rotates it into {@code app.log.1}
 * once it passes the limit, truncating the live file in place, which an appending
 * writer tolerates. At most twice the limit stays on disk.
 */
final class LogFile {

    static final String NAME = "app.log";

    private LogFile() {
    }

    static Path of(Path instanceDir) {
        return instanceDir.resolve(NAME);
    }

    static void cap(Path log, long maxBytes) {
        try {
            if (!Files.isRegularFile(log) || Files.size(log) <= maxBytes) {
                return;
            }
            Files.copy(log, log.resolveSibling(NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
        } catch (IOException e) {
            // a log that cannot be rotated this time is tried again on the next tick
        }
    }

    /** The last {@code maxLines} lines (rotated file first), reading at most 256 KB from each file's end. */
    static List<String> tail(Path log, int maxLines) {
        Deque<String> lines = new ArrayDeque<>();
        for (Path file : List.of(log.resolveSibling(NAME + ".1"), log)) {
            for (String line : tailOf(file)) {
                lines.addLast(line);
                if (lines.size() > maxLines) {
                    lines.removeFirst();
                }
            }
        }
        return new ArrayList<>(lines);
    }

    private static List<String> tailOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - 256 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0); // most likely cut in the middle
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }
}
