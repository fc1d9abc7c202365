package dev.stageport.hostile;

import dev.stageport.support.Api;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Variants of a valid JSON body: each value swapped for a wrong one, and unknown fields added. */
final class JsonMutations {

    private JsonMutations() {
    }

    /** One body per (value in the tree, replacement): the tree with just that value replaced. */
    static List<String> wrongTypes(String json, List<String> replacements) {
        JsonNode root = Api.JSON.readTree(json);
        List<List<Object>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        List<String> out = new ArrayList<>();
        for (List<Object> path : paths) {
            for (String replacement : replacements) {
                JsonNode copy = root.deepCopy();
                JsonNode parent = copy;
                for (Object step : path.subList(0, path.size() - 1)) {
                    parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
                }
                Object last = path.get(path.size() - 1);
                JsonNode value = Api.JSON.readTree(replacement);
                if (last instanceof Integer i) {
                    ((ArrayNode) parent).set(i, value);
                } else {
                    ((ObjectNode) parent).set((String) last, value);
                }
                out.add(Api.JSON.writeValueAsString(copy));
            }
        }
        return out;
    }

    /** One body per object in the tree, with an unknown field added to it. */
    static List<String> unknownFields(String json) {
        JsonNode root = Api.JSON.readTree(json);
        List<List<Object>> paths = new ArrayList<>();
        paths.add(List.of());
        collect(root, new ArrayList<>(), paths);
        List<String> out = new ArrayList<>();
        for (List<Object> path : paths) {
            JsonNode copy = root.deepCopy();
            JsonNode node = copy;
            for (Object step : path) {
                node = step instanceof Integer i ? node.get(i) : node.get((String) step);
            }
            if (node instanceof ObjectNode object) {
                object.put("unexpectedField", "surprise");
                out.add(Api.JSON.writeValueAsString(copy));
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<Object> at, List<List<Object>> paths) {
        if (node instanceof ObjectNode object) {
            for (var entry : object.properties()) {
                List<Object> child = new ArrayList<>(at);
                child.add(entry.getKey());
                paths.add(child);
                collect(entry.getValue(), child, paths);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                List<Object> child = new ArrayList<>(at);
                child.add(i);
                paths.add(child);
                collect(array.get(i), child, paths);
            }
        }
    }
}
