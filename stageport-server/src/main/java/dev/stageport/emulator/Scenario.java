package dev.stageport.emulator;

import dev.stageport.builds.Build;
import dev.stageport.configschema.DataType;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A scenario seed as data, checked field by field; every problem names its line (see {@link ScenarioFile}). */
record Scenario(List<StageSeed> stages, List<AssetSeed> assets, List<BuildSeed> builds,
                List<ConfigSeed> configurations, List<ClientSeed> clients, List<String> faults,
                boolean tokensSurviveReset) {

    record StageSeed(String key, String name, Stage.Purpose purpose, int order, String runtime,
                     String runtimeSettings) {
    }

    record AssetSeed(String path, String key, String name, String type, List<RevisionSeed> revisions) {
    }

    /** Either a bundle file (relative to the seed file) or generated settings. */
    record RevisionSeed(String path, Path bundle, List<SettingSeed> settings) {
    }

    record SettingSeed(String key, String name, DataType type, String defaultValue, boolean secret) {
    }

    record BuildSeed(String key, String asset, int revision, Build.BuildType type, Build.BuildStatus status) {
    }

    record ConfigSeed(String path, String stage, String asset, Map<String, String> values) {
    }

    record ClientSeed(String id, String name, String secret, Map<Permission, Set<String>> grants) {
    }

    private static final Set<String> TOP = Set.of("stages", "assets", "builds", "configurations", "clients",
            "faults", "tokensSurviveReset");

    static Scenario of(ScenarioFile file) {
        Fields root = new Fields(file, "", file.root(), TOP);
        Set<String> keys = new HashSet<>();
        List<StageSeed> stages = new ArrayList<>();
        for (Fields s : root.list("stages", Set.of("key", "name", "purpose", "order", "runtime", "runtimeSettings"))) {
            String key = s.key("key", keys);
            stages.add(new StageSeed(key, s.text("name", true), s.oneOf("purpose", Stage.Purpose.class,
                    Stage.Purpose.NonProduction), s.number("order", stages.size()), s.text("runtime", false),
                    s.has("runtimeSettings") ? s.node("runtimeSettings").toString() : null));
        }
        if (stages.isEmpty()) {
            throw file.problem("stages", "a scenario needs at least one stage.");
        }
        unique(file, root, "stages", "order");
        List<AssetSeed> assets = new ArrayList<>();
        for (Fields a : root.list("assets", Set.of("key", "name", "type", "revisions"))) {
            List<RevisionSeed> revisions = new ArrayList<>();
            for (Fields r : a.list("revisions", Set.of("bundle", "settings"))) {
                List<SettingSeed> settings = new ArrayList<>();
                Set<String> settingKeys = new HashSet<>();
                for (Fields st : r.list("settings", Set.of("key", "name", "type", "default", "secret"))) {
                    settings.add(new SettingSeed(st.key("key", settingKeys), st.text("name", true),
                            st.oneOf("type", DataType.class, DataType.Text), st.text("default", false),
                            st.bool("secret")));
                }
                String bundle = r.text("bundle", false);
                revisions.add(new RevisionSeed(r.path(), bundle == null ? null
                        : file.file().toAbsolutePath().getParent().resolve(bundle), settings));
            }
            assets.add(new AssetSeed(a.path(), a.key("key", keys), a.text("name", false),
                    a.text("type", false), revisions));
        }
        Map<String, Integer> revisionCounts = new LinkedHashMap<>();
        assets.forEach(a -> revisionCounts.put(a.key(), a.revisions().size()));
        List<BuildSeed> builds = new ArrayList<>();
        for (Fields b : root.list("builds", Set.of("key", "asset", "revision", "type", "status"))) {
            BuildSeed build = new BuildSeed(b.key("key", keys), b.text("asset", true).toLowerCase(),
                    b.number("revision", 1), b.oneOf("type", Build.BuildType.class, Build.BuildType.Release),
                    b.oneOf("status", Build.BuildStatus.class, Build.BuildStatus.Finished));
            if (build.revision() < 1 || build.revision() > revisionCounts.getOrDefault(build.asset(), 0)) {
                throw file.problem(b.path() + ".revision", "the seed has no revision " + build.revision()
                        + " of the asset " + build.asset() + ".");
            }
            builds.add(build);
        }
        List<ConfigSeed> configurations = new ArrayList<>();
        for (Fields c : root.list("configurations", Set.of("stage", "asset", "values"))) {
            Map<String, String> values = new LinkedHashMap<>();
            c.node("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().isValueNode()
                    ? e.getValue().asString() : e.getValue().toString()));
            configurations.add(new ConfigSeed(c.path(), c.text("stage", true), c.text("asset", true), values));
        }
        List<ClientSeed> clients = new ArrayList<>();
        Set<String> clientIds = new HashSet<>();
        for (Fields c : root.list("clients", Set.of("id", "name", "secret", "permissions"))) {
            String id = c.text("id", true);
            if (!clientIds.add(id)) {
                throw file.problem(c.path() + ".id", "the client id '" + id + "' is given twice.");
            }
            String secret = c.text("secret", true);
            if (secret.length() < 16) {
                throw file.problem(c.path() + ".secret", "a client secret needs at least 16 characters.");
            }
            Map<Permission, Set<String>> grants = new EnumMap<>(Permission.class);
            for (Fields g : c.list("permissions", Set.of("permission", "stages"))) {
                String code = g.text("permission", true);
                Permission permission = Permission.fromCode(code).orElseThrow(() -> file.problem(
                        g.path() + ".permission", "unknown permission '" + code + "'; expected one of "
                                + Arrays.stream(Permission.values()).map(Permission::code).toList() + "."));
                Set<String> on = grants.computeIfAbsent(permission, p -> new HashSet<>());
                JsonNode stagesNode = g.node("stages");
                if (stagesNode.isMissingNode() || stagesNode.isNull()) {
                    on.add(Caller.EVERY_STAGE);
                }
                for (JsonNode stage : stagesNode) {
                    String key = stage.asString().toLowerCase();
                    if (!key.equals(Caller.EVERY_STAGE) && stages.stream().noneMatch(st -> st.key().equals(key))) {
                        throw file.problem(g.path() + ".stages", "'" + key + "' is not a stage of the seed or '*'.");
                    }
                    on.add(key);
                }
            }
            clients.add(new ClientSeed(id, c.text("name", false), secret, grants));
        }
        List<String> faults = new ArrayList<>();
        root.node("faults").forEach(f -> faults.add(f.toString()));
        boolean tokensSurviveReset = !root.has("tokensSurviveReset") || root.bool("tokensSurviveReset");
        return new Scenario(stages, assets, builds, configurations, clients, faults, tokensSurviveReset);
    }

    private static void unique(ScenarioFile file, Fields root, String list, String field) {
        Set<String> seen = new HashSet<>();
        JsonNode items = root.node(list);
        for (int i = 0; i < items.size(); i++) {
            JsonNode value = items.get(i).get(field);
            if (value != null && !seen.add(value.asString())) {
                throw file.problem(list + "[" + i + "]." + field, "the " + field + " " + value.asString()
                        + " is given twice.");
            }
        }
    }

    /** One mapping of the file, read with its path so each problem names its line. */
    record Fields(ScenarioFile file, String path, JsonNode node, Set<String> known) {

        Fields {
            if (!node.isObject()) {
                throw file.problem(path, "expected a mapping.");
            }
            for (String name : node.propertyNames()) {
                if (!known.contains(name)) {
                    throw file.problem(at(path, name), "unknown field '" + name + "' (known: "
                            + new java.util.TreeSet<>(known) + ").");
                }
            }
        }

        List<Fields> list(String name, Set<String> itemFields) {
            JsonNode items = node(name);
            if (items.isMissingNode() || items.isNull()) {
                return List.of();
            }
            if (!items.isArray()) {
                throw file.problem(at(path, name), "expected a list.");
            }
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(new Fields(file, at(path, name) + "[" + i + "]", items.get(i), itemFields));
            }
            return out;
        }

        JsonNode node(String name) {
            return node.path(name);
        }

        boolean has(String name) {
            return node.hasNonNull(name);
        }

        String text(String name, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    throw file.problem(at(path, name), "is required.");
                }
                return null;
            }
            if (!value.isValueNode()) {
                throw file.problem(at(path, name), "expected a single value.");
            }
            return value.asString();
        }

        /** A UUID key, unique among all the keys of the seed. */
        String key(String name, Set<String> seen) {
            String key = text(name, true).toLowerCase();
            try {
                UUID.fromString(key);
            } catch (IllegalArgumentException e) {
                throw file.problem(at(path, name), "'" + key + "' is not a UUID key.");
            }
            if (!seen.add(key)) {
                throw file.problem(at(path, name), "the key " + key + " is given twice.");
            }
            return key;
        }

        int number(String name, int otherwise) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return otherwise;
            }
            if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
                throw file.problem(at(path, name), "expected a whole number of 0 or more, got " + value + ".");
            }
            return value.asInt();
        }

        boolean bool(String name) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull() && !value.isBoolean()) {
                throw file.problem(at(path, name), "expected true or false, got " + value + ".");
            }
            return value != null && value.asBoolean();
        }

        <E extends Enum<E>> E oneOf(String name, Class<E> type, E otherwise) {
            String text = text(name, false);
            if (text == null) {
                return otherwise;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text)) {
                    return e;
                }
            }
            throw file.problem(at(path, name), "'" + text + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }

        private static String at(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
