package dev.stageport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A promotion pipeline file, read with the line and column of every field so that
 * each problem, found here or later against the server, names where it is. Every
 * problem of the file's shape is collected, not only the first.
 */
final class PipelineFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> TOP = Set.of("asset", "revision", "tag", "stages");
    private static final Set<String> STAGE = Set.of("stage", "set", "secretsFromEnv");

    /** One stage of the pipeline, with the pointer of its entry in the file. */
    record Step(String stage, Map<String, String> set, Map<String, String> secretsFromEnv, String pointer) {
    }

    private final Path file;
    private final Map<String, TokenStreamLocation> locations = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private String asset;
    private String revision;
    private String tag;
    private List<Step> stages;

    private PipelineFile(Path file) {
        this.file = file;
    }

    /** Reads and checks the file's shape; a file that cannot be parsed at all is a usage error. */
    static PipelineFile read(Path file) {
        PipelineFile pipeline = new PipelineFile(file);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
            pipeline.locate(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new UsageException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid YAML or JSON: " + firstLine(e.getOriginalMessage()));
        }
        pipeline.check(root);
        return pipeline;
    }

    String asset() {
        return asset;
    }

    String revision() {
        return revision;
    }

    String tag() {
        return tag;
    }

    /** The listed stages, or null when the file lists none (every stage, in order). */
    List<Step> stages() {
        return stages;
    }

    List<String> problems() {
        return problems;
    }

    /** Records a problem at the field the pointer names (or the nearest enclosing one). */
    void problem(String pointer, String text) {
        String at = pointer;
        while (!locations.containsKey(at) && !at.isEmpty()) {
            at = at.substring(0, Math.max(0, at.lastIndexOf('/')));
        }
        TokenStreamLocation where = locations.get(at);
        problems.add(file + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr()) + ": " + text);
    }

    private void locate(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                locations.putIfAbsent(pointer, parser.currentTokenLocation());
            }
        }
    }

    private void check(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("", "a pipeline file is a mapping with 'asset' and optionally 'revision' or 'tag' and 'stages'");
            return;
        }
        unknownFields(root, "", TOP);
        asset = text(root, "", "asset");
        if (asset == null) {
            problem("", "needs 'asset' (the asset's name or key)");
        }
        revision = text(root, "", "revision");
        tag = text(root, "", "tag");
        if (revision != null && !revision.equalsIgnoreCase("latest") && !revision.matches("\\d{1,9}")) {
            problem("/revision", "'revision' must be a number or 'latest' (got '" + revision + "')");
        }
        if (revision != null && tag != null) {
            problem("/tag", "give 'revision' or 'tag', not both");
        }
        JsonNode list = root.path("stages");
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray() || list.isEmpty()) {
            problem("/stages", "'stages' must list at least one stage; leave it out to promote through every stage");
            return;
        }
        stages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/stages/" + i;
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                problem(pointer, "each entry under 'stages' is a mapping with 'stage'");
                continue;
            }
            unknownFields(entry, pointer, STAGE);
            String stage = text(entry, pointer, "stage");
            if (stage == null) {
                problem(pointer, "every entry under 'stages' needs 'stage'");
            }
            stages.add(new Step(stage, values(entry, pointer, "set"), values(entry, pointer, "secretsFromEnv"),
                    pointer));
        }
    }

    private Map<String, String> values(JsonNode entry, String pointer, String field) {
        JsonNode map = entry.path(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (map.isMissingNode() || map.isNull()) {
            return values;
        }
        if (!map.isObject()) {
            problem(pointer + "/" + field, "'" + field + "' is a mapping of NAME: value");
            return values;
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            if (e.getValue().isContainer()) {
                problem(pointer + "/" + field + "/" + e.getKey(), "'" + e.getKey() + "' needs a single value");
            } else {
                values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
            }
        }
        return values;
    }

    private void unknownFields(JsonNode node, String pointer, Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problem(pointer + "/" + name, "unknown field '" + name + "' (expected " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(JsonNode node, String pointer, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            problem(pointer + "/" + field, "'" + field + "' needs a single value");
            return null;
        }
        return value.asString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
