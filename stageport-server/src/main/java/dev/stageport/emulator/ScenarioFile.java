package dev.stageport.emulator;

import dev.stageport.startup.StartupProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario seed file (YAML, or JSON by its .json name) read into a tree that
 * remembers the line of every field, so a problem found later names the file, the
 * line and the field: {@code seed scenario.yaml line 12: stages[1].key: ...}.
 * A field given twice in one mapping is refused here.
 */
final class ScenarioFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private ScenarioFile(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    static ScenarioFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new StartupProblem("STAGEPORT_SEED='" + file + "' cannot be read: " + e.getMessage() + ".");
        }
        ObjectMapper mapper = file.toString().toLowerCase().endsWith(".json") ? JsonMapper.builder().build()
                : YAMLMapper.builder().build();
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new StartupProblem("seed " + file + " line " + line(parser)
                        + ": the scenario must be a mapping (stages:, assets:, builds:, ...).");
            }
            JsonNode root = value(parser, "", lines, file);
            return new ScenarioFile(file, root, lines);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new StartupProblem("seed " + file + " line " + line + ": " + oneLine(e.getOriginalMessage()) + ".");
        }
    }

    private static JsonNode value(JsonParser parser, String path, Map<String, Integer> lines, Path file) {
        lines.putIfAbsent(path, line(parser));
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode node = NODES.objectNode();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                if (node.has(name)) {
                    throw new StartupProblem("seed " + file + " line " + line(parser) + ": " + child
                            + " is given twice.");
                }
                lines.put(child, line(parser));
                parser.nextToken();
                node.set(name, value(parser, child, lines, file));
            }
            return node;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode node = NODES.arrayNode();
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                node.add(value(parser, path + "[" + i++ + "]", lines, file));
            }
            return node;
        }
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            default -> NODES.nullNode();
        };
    }

    /** The YAML parser's message without its multi-line excerpt of the file (indented lines and carets). */
    private static String oneLine(String message) {
        return String.join("; ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))
                && !l.strip().equals("^")).map(String::strip).toList()).replaceAll("\\.$", "");
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    JsonNode root() {
        return root;
    }

    Path file() {
        return file;
    }

    /** A problem with the value at {@code path}, on its line. */
    StartupProblem problem(String path, String message) {
        Integer line = lines.get(path);
        for (String p = path; line == null && p.contains("."); p = p.substring(0, p.lastIndexOf('.'))) {
            line = lines.get(p.substring(0, p.lastIndexOf('.')));
        }
        return new StartupProblem("seed " + file + " line " + (line == null ? 1 : line) + ": " + path + ": "
                + message);
    }
}
