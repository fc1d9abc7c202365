package dev.stageport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The official ODC OpenAPI documents, read at test time from {@code shared/odc-reference/openapi}
 * beside the repository (they are reference material and never copied into it). The folder is
 * found by walking up from the working directory, so a module's tests and a fresh clone in CI
 * (with shared/ beside it) both find it.
 */
public final class OdcDocuments {

    static final String FOLDER = "shared/odc-reference/openapi";

    /** One document: its base path (from its first server URL) and its parsed JSON. */
    public record Document(String file, String basePath, String json, JsonNode tree) {
    }

    private static volatile List<Document> loaded;

    private OdcDocuments() {
    }

    public static List<Document> all() {
        if (loaded == null) {
            synchronized (OdcDocuments.class) {
                if (loaded == null) {
                    loaded = load(locate(Path.of("").toAbsolutePath()));
                }
            }
        }
        return loaded;
    }

    static Path locate(Path start) {
        List<Path> tried = new ArrayList<>();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            tried.add(candidate);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The official ODC OpenAPI documents are missing: every HTTP test checks the"
                + " server's answers against them, and no folder " + FOLDER + " exists beside the repository or any"
                + " folder above it (looked at " + tried + "). Put the shared/ folder next to the repository.");
    }

    private static List<Document> load(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Document> documents = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(file);
                JsonNode tree = Api.JSON.readTree(json);
                String url = tree.path("servers").path(0).path("url").asString("");
                String basePath = url.replaceFirst("^https?://[^/]+", "");
                documents.add(new Document(file.getFileName().toString(), basePath, json, tree));
            }
            if (documents.isEmpty()) {
                throw new IllegalStateException("No OpenAPI document (*.json) in " + folder + ".");
            }
            return List.copyOf(documents);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ODC OpenAPI documents in " + folder, e);
        }
    }

    /** The document whose base path starts {@code path}, the longest match first. */
    public static java.util.Optional<Document> forPath(String path) {
        Map<String, Document> byBase = new LinkedHashMap<>();
        all().forEach(d -> byBase.put(d.basePath(), d));
        return byBase.values().stream()
                .filter(d -> path.equals(d.basePath()) || path.startsWith(d.basePath() + "/"))
                .max(java.util.Comparator.comparingInt(d -> d.basePath().length()));
    }
}
