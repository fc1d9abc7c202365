package dev.stageport.bundles;

import dev.stageport.configschema.ConfigSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns manifest.json into a {@link Bundle}, collecting every problem rather than
 * stopping at the first: a tree walk instead of data binding, because binding
 * gives up on the first mismatch. Unknown fields are problems too, so a typo such
 * as "setings" does not silently drop a section.
 */
final class ManifestParser {

    static final int FORMAT_VERSION = 1;
    /** Column sizes of asset and asset_revision (name 200, description and commit message 2000). */
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;
    /** config_schema holds 100,000 characters; libraries resolved later need a little room. */
    static final int MAX_SCHEMA_CHARS = 90_000;
    /** build.run_spec holds 4,000 characters. */
    static final int MAX_RUN_CHARS = 4000;
    private static final Set<String> TOP = Set.of("formatVersion", "assetKey", "name", "type", "description",
            "commitMessage", "configuration", "run", "publicElements", "references");
    private static final Set<String> RUN = Set.of("command", "portVariable", "healthPath");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonChecks c = new JsonChecks(new ArrayList<>());

    private ManifestParser() {
    }

    /**
     * The bundle as far as it could be read (null when the JSON itself is broken);
     * it is only valid when {@code problems} is still empty.
     */
    static Bundle parse(byte[] manifest, List<String> files, List<String> problems) {
        ManifestParser parser = new ManifestParser();
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (JacksonException e) {
            problems.add("manifest.json is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add("manifest.json must hold a JSON object.");
            return null;
        }
        Bundle bundle = parser.bundle(root, files);
        problems.addAll(parser.c.problems);
        return bundle;
    }

    private Bundle bundle(JsonNode root, List<String> files) {
        c.unknownFields(root, TOP, "manifest");
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
            c.add("'formatVersion' must be " + FORMAT_VERSION + ".");
        }
        String assetKey = c.uuid(root, "assetKey", "manifest");
        String name = c.text(root, "name", "manifest", true);
        String type = c.text(root, "type", "manifest", true);
        if (type != null && !Bundle.TYPES.contains(type)) {
            c.add("'type' must be one of " + JsonChecks.sorted(Bundle.TYPES) + ", got '" + type + "'.");
        }
        String description = c.text(root, "description", "manifest", false);
        String commitMessage = c.text(root, "commitMessage", "manifest", false);
        JsonNode configuration = c.object(root, "configuration", "manifest");
        c.unknownFields(configuration, ConfigSectionParser.CONFIGURATION, "configuration");
        ConfigSectionParser sections = new ConfigSectionParser(c);
        ConfigSchema schema = new ConfigSchema(
                sections.settings(configuration, "settings", "configuration.settings"),
                sections.timers(configuration), sections.integrations(configuration), List.of());
        List<Bundle.LibraryReference> libraries = sections.libraries(configuration);
        RunSpec run = run(root, type);
        ElementSectionParser elements = new ElementSectionParser(c);
        List<PublicElement> publicElements = elements.publicElements(root);
        List<Bundle.ElementReference> references = elements.references(root);
        c.tooLong("manifest.name", name, MAX_NAME);
        c.tooLong("manifest.description", description, MAX_TEXT);
        c.tooLong("manifest.commitMessage", commitMessage, MAX_TEXT);
        if (schema.toJson().length() > MAX_SCHEMA_CHARS) {
            c.add("The configuration section is too large: at most " + MAX_SCHEMA_CHARS + " characters once stored.");
        }
        if (run != null && run.toJson().length() > MAX_RUN_CHARS) {
            c.add("The run section is too large: at most " + MAX_RUN_CHARS + " characters once stored.");
        }
        return new Bundle(FORMAT_VERSION, assetKey, name, type, description, commitMessage, schema, libraries, run,
                files, publicElements, references);
    }

    private RunSpec run(JsonNode root, String type) {
        JsonNode run = root.get("run");
        boolean present = run != null && !run.isNull();
        if (Bundle.LIBRARY_TYPE.equals(type)) {
            if (present) {
                c.add("A LowCodeLibrary bundle has no 'run' section; only apps are run.");
            }
            return null;
        }
        if (!present) {
            if (type != null && Bundle.RUNNABLE_TYPES.contains(type)) {
                c.add("An app or agent bundle needs a 'run' section with the command that starts it.");
            }
            return null;
        }
        if (!run.isObject()) {
            c.add("'run' must be an object.");
            return null;
        }
        c.unknownFields(run, RUN, "run");
        List<String> command = new ArrayList<>();
        JsonNode commandNode = run.get("command");
        if (commandNode == null || !commandNode.isArray() || commandNode.isEmpty()) {
            c.add("run.command must be a non-empty array of strings.");
        } else {
            for (JsonNode part : commandNode) {
                if (!part.isString() || part.asString().isEmpty()) {
                    c.add("run.command must hold only non-empty strings.");
                    break;
                }
                command.add(part.asString());
            }
        }
        String portVariable = c.text(run, "portVariable", "run", false);
        if (portVariable != null && !portVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            c.add("run.portVariable must be an environment variable name, got '" + portVariable + "'.");
        }
        String healthPath = c.text(run, "healthPath", "run", false);
        if (healthPath != null && !healthPath.startsWith("/")) {
            c.add("run.healthPath must start with '/'.");
        }
        return new RunSpec(command, portVariable, healthPath);
    }
}
