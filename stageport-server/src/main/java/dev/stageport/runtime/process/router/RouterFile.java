package dev.stageport.runtime.process.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code router.json} in a stage's runtime folder: how the server reaches the stage's router.
 * Only the owner may read it (the token lets whoever holds it re-point the stage's traffic),
 * and it appears by an atomic rename, so a reader never sees half of it.
 */
public record RouterFile(long pid, int controlPort, String token) {

    public static final String NAME = "router.json";

    private static final Pattern FORMAT = Pattern.compile(
            "\\{\"pid\":(\\d+),\"controlPort\":(\\d+),\"token\":\"([0-9a-f]+)\"}\\s*");

    public static Path in(Path stageDir) {
        return stageDir.resolve(NAME);
    }

    public static Optional<RouterFile> read(Path stageDir) {
        try {
            Matcher m = FORMAT.matcher(Files.readString(in(stageDir), StandardCharsets.UTF_8));
            return m.matches() ? Optional.of(new RouterFile(Long.parseLong(m.group(1)),
                    Integer.parseInt(m.group(2)), m.group(3))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void write(Path stageDir) {
        Path temp = stageDir.resolve(NAME + "." + pid + ".tmp");
        try {
            Files.createDirectories(stageDir);
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            }
            Files.writeString(temp, "{\"pid\":" + pid + ",\"controlPort\":" + controlPort + ",\"token\":\"" + token
                    + "\"}\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, in(stageDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, in(stageDir), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("Another router is starting in " + stageDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + in(stageDir), e);
        }
    }
}
