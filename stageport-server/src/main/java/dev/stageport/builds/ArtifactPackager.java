package dev.stageport.builds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a build artifact as a deterministic zip: entries in name order, every
 * entry with the same fixed timestamp and no extra fields, so the same inputs
 * always give the same bytes and therefore the same SHA-256 digest. Entries are
 * streamed one buffer at a time, so a large bundle never sits in memory.
 */
final class ArtifactPackager {

    /** The earliest time a zip's DOS date can hold; written without time-zone conversion. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** One file of the artifact: where it goes, and which zip entry it comes from. */
    record Source(String target, Path zip, String entry) {
    }

    private ArtifactPackager() {
    }

    /** Every file entry of {@code zip}, placed under {@code prefix} ("" for the root). */
    static List<Source> filesOf(Path zip, String prefix) throws IOException {
        List<Source> sources = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().filter(e -> !e.isDirectory())
                    .forEach(e -> sources.add(new Source(prefix + e.getName(), zip, e.getName())));
        }
        return sources;
    }

    /** Writes {@code sources} plus build.json to {@code target}. */
    static void write(Path target, List<Source> sources, String buildJson) throws IOException {
        write(target, sources, "build.json", buildJson);
    }

    /** Writes {@code sources} plus one generated entry {@code jsonName} to {@code target}. */
    static void write(Path target, List<Source> sources, String jsonName, String json) throws IOException {
        List<Source> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing(Source::target));
        byte[] buffer = new byte[64 * 1024];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            ZipFile open = null;
            try {
                for (Source source : ordered) {
                    if (open == null || !open.getName().equals(source.zip().toFile().getPath())) {
                        if (open != null) {
                            open.close();
                        }
                        open = new ZipFile(source.zip().toFile());
                    }
                    out.putNextEntry(entry(source.target()));
                    try (InputStream in = open.getInputStream(open.getEntry(source.entry()))) {
                        copy(in, out, buffer);
                    }
                    out.closeEntry();
                }
            } finally {
                if (open != null) {
                    open.close();
                }
            }
            out.putNextEntry(entry(jsonName));
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }

    private static void copy(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
        }
    }

    /** Removes a scratch directory; a leftover is only worth a warning. */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ArtifactPackager.class)
                    .warn("Could not remove the build scratch directory {}: {}", dir, e.getMessage());
        }
    }
}
