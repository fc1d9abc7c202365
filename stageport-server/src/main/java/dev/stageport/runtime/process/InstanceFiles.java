package dev.stageport.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process driver's files under {@code <dataDir>/runtime}:
 * {@code <env>/<asset>/active.json} (which instance serves and on which stable port),
 * {@code <env>/<asset>/<instanceId>/instance.json}, {@code app/} (the unpacked artifact),
 * {@code configuration.json} (no secrets), {@code app.log}; {@code <env>/router.json} (how to reach
 * the stage's router); and {@code launches.log}, one
 * line per process started for an operation, which shows that no step ran twice.
 */
final class InstanceFiles {

    static final String RECORD = "instance.json";
    static final String ACTIVE = "active.json";
    static final String JOURNAL = "launches.log";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Which instance the stable port forwards to. */
    record Active(String instanceId, int stablePort) {
    }

    private final Path root;

    InstanceFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A stage's folder: its assets' folders and its router's {@code router.json} and {@code router.log}. */
    Path stageDir(String environmentKey) {
        return root.resolve(environmentKey);
    }

    Path assetDir(String environmentKey, String assetKey) {
        return stageDir(environmentKey).resolve(assetKey);
    }

    Path instanceDir(String environmentKey, String assetKey, String instanceId) {
        return assetDir(environmentKey, assetKey).resolve(instanceId);
    }

    void writeRecord(Path instanceDir, InstanceRecord record) {
        writeAtomically(instanceDir.resolve(RECORD), JSON.writeValueAsString(record));
    }

    Optional<InstanceRecord> readRecord(Path instanceDir) {
        return read(instanceDir.resolve(RECORD), InstanceRecord.class);
    }

    void writeActive(String environmentKey, String assetKey, Active active) {
        writeAtomically(assetDir(environmentKey, assetKey).resolve(ACTIVE), JSON.writeValueAsString(active));
    }

    Optional<Active> readActive(Path assetDir) {
        return read(assetDir.resolve(ACTIVE), Active.class);
    }

    /** Every asset directory: {@code <root>/<env>/<asset>}. */
    List<Path> assetDirs() {
        List<Path> out = new ArrayList<>();
        for (Path env : children(root)) {
            out.addAll(children(env));
        }
        return out;
    }

    List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void journal(String line) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(JOURNAL), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + dir, e);
        }
    }

    private <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file), type));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
