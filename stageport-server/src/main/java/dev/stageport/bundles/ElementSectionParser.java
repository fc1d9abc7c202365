package dev.stageport.bundles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The manifest's {@code publicElements} (what the asset offers) and {@code references}
 * (what it uses of its producers). Every malformed signature is reported, not only
 * the first, like the rest of the manifest.
 */
final class ElementSectionParser {

    /** Data types an input, output or attribute may have besides another element's key and List&lt;...&gt;. */
    static final Set<String> BASIC_TYPES = Set.of("Text", "Integer", "LongInteger", "Decimal", "Boolean", "Date",
            "Time", "DateTime", "Currency", "Email", "PhoneNumber", "BinaryData", "Identifier");
    static final int MAX_ELEMENTS = 500;
    private static final Set<String> ELEMENT = Set.of("key", "name", "type", "description", "isHidden", "signature");
    private static final Set<String> SIGNATURE = Set.of("inputs", "outputs", "attributes", "records");
    private static final Set<String> PARAMETER = Set.of("name", "dataType", "isMandatory");
    private static final Set<String> REFERENCE = Set.of("assetKey", "revision", "elements");
    /** Which parts of a signature each element type has. */
    private static final Map<String, Set<String>> PARTS = Map.of(
            PublicElement.SERVICE_ACTION, Set.of("inputs", "outputs"),
            PublicElement.SCREEN, Set.of("inputs"),
            PublicElement.ENTITY, Set.of("attributes"),
            PublicElement.STRUCTURE, Set.of("attributes"),
            PublicElement.STATIC_ENTITY, Set.of("attributes", "records"));

    private final JsonChecks c;

    ElementSectionParser(JsonChecks checks) {
        this.c = checks;
    }

    List<PublicElement> publicElements(JsonNode root) {
        List<PublicElement> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        c.forEachObject(root, "publicElements", "publicElements", ELEMENT, (item, at) -> {
            String key = c.key(item, at, keys, "publicElements");
            String name = c.text(item, "name", at, false);
            String type = c.text(item, "type", at, true);
            if (type != null && !PublicElement.TYPES.contains(type)) {
                c.add(at + ".type must be one of " + JsonChecks.sorted(PublicElement.TYPES) + ", got '" + type
                        + "'.");
                type = null;
            }
            String description = c.text(item, "description", at, false);
            c.tooLong(at + ".name", name, ManifestParser.MAX_NAME);
            c.tooLong(at + ".description", description, ManifestParser.MAX_TEXT);
            boolean hidden = c.bool(item, "isHidden", at, false);
            PublicElement.Signature signature = signature(item, at, type);
            out.add(new PublicElement(key, name == null ? key : name, type, description, hidden, signature));
        });
        if (out.size() > MAX_ELEMENTS) {
            c.add("publicElements may hold at most " + MAX_ELEMENTS + " elements.");
        }
        checkRecordTypes(out);
        return out;
    }

    List<Bundle.ElementReference> references(JsonNode root) {
        List<Bundle.ElementReference> out = new ArrayList<>();
        Set<String> producers = new HashSet<>();
        c.forEachObject(root, "references", "references", REFERENCE, (item, at) -> {
            String assetKey = c.uuid(item, "assetKey", at);
            if (assetKey != null && !producers.add(assetKey)) {
                c.add(at + " references the asset " + assetKey + " a second time; list all its elements once.");
            }
            Integer revision = null;
            JsonNode number = item.get("revision");
            if (number != null && !number.isNull()) {
                if (number.isInt() && number.intValue() >= 1) {
                    revision = number.intValue();
                } else {
                    c.add(at + ".revision must be a whole number of at least 1.");
                }
            }
            out.add(new Bundle.ElementReference(assetKey, revision, elementKeys(item, at)));
        });
        return out;
    }

    private List<String> elementKeys(JsonNode item, String at) {
        JsonNode elements = item.get("elements");
        List<String> keys = new ArrayList<>();
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            c.add(at + ".elements must be a non-empty array of element keys.");
            return keys;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode key = elements.get(i);
            if (!key.isString() || key.asString().isBlank()) {
                c.add(at + ".elements[" + i + "] must be a non-empty string.");
            } else if (!seen.add(key.asString().toLowerCase())) {
                c.add(at + ".elements names '" + key.asString() + "' more than once.");
            } else {
                keys.add(key.asString());
            }
        }
        return keys;
    }

    private PublicElement.Signature signature(JsonNode item, String at, String type) {
        JsonNode signature = c.object(item, "signature", at);
        String where = at + ".signature";
        c.unknownFields(signature, SIGNATURE, where);
        if (type != null) {
            for (String part : SIGNATURE) {
                if (signature.has(part) && !PARTS.get(type).contains(part)) {
                    c.add(where + "." + part + " is not part of a " + type + "; it has "
                            + JsonChecks.sorted(PARTS.get(type)) + ".");
                }
            }
        }
        return new PublicElement.Signature(parameters(signature, "inputs", where, true),
                parameters(signature, "outputs", where, false), parameters(signature, "attributes", where, true),
                records(signature, where));
    }

    private List<PublicElement.Parameter> parameters(JsonNode signature, String field, String where,
                                                     boolean mayBeMandatory) {
        List<PublicElement.Parameter> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String list = where + "." + field;
        c.forEachObject(signature, field, list, PARAMETER, (item, at) -> {
            String name = c.text(item, "name", at, true);
            if (name != null && !names.add(name.toLowerCase())) {
                c.add(list + " has the name '" + name + "' more than once (names are case-insensitive).");
            }
            c.tooLong(at + ".name", name, ManifestParser.MAX_NAME);
            String dataType = c.text(item, "dataType", at, true);
            boolean mandatory = c.bool(item, "isMandatory", at, false);
            if (mandatory && !mayBeMandatory) {
                c.add(at + ".isMandatory is only for inputs and attributes; an output is always returned.");
            }
            out.add(new PublicElement.Parameter(name, dataType, mandatory));
        });
        return out;
    }

    private List<String> records(JsonNode signature, String where) {
        JsonNode records = signature.get("records");
        List<String> out = new ArrayList<>();
        if (records == null || records.isNull()) {
            return out;
        }
        if (!records.isArray()) {
            c.add(where + ".records must be an array of record identifiers.");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!record.isString() || record.asString().isBlank()) {
                c.add(where + ".records[" + i + "] must be a non-empty string.");
            } else if (!seen.add(record.asString())) {
                c.add(where + ".records names '" + record.asString() + "' more than once.");
            } else {
                out.add(record.asString());
            }
        }
        return out;
    }

    /** Data types are basic types, List&lt;T&gt;, or the key of an entity/structure declared in the same bundle. */
    private void checkRecordTypes(List<PublicElement> elements) {
        Set<String> recordKeys = new HashSet<>();
        for (PublicElement e : elements) {
            if (e.key() != null && e.type() != null && PublicElement.RECORD_TYPES.contains(e.type())) {
                recordKeys.add(e.key());
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            PublicElement e = elements.get(i);
            String at = "publicElements[" + i + "].signature";
            check(e.signature().inputs(), at + ".inputs", recordKeys);
            check(e.signature().outputs(), at + ".outputs", recordKeys);
            check(e.signature().attributes(), at + ".attributes", recordKeys);
        }
    }

    private void check(List<PublicElement.Parameter> parameters, String where, Set<String> recordKeys) {
        for (int i = 0; i < parameters.size(); i++) {
            String type = parameters.get(i).dataType();
            if (type != null && !knownType(type, recordKeys)) {
                c.add(where + "[" + i + "].dataType '" + type + "' is not one of " + JsonChecks.sorted(BASIC_TYPES)
                        + ", List<...> of one, or the key of an Entity, StaticEntity or Structure of this bundle.");
            }
        }
    }

    static boolean knownType(String type, Set<String> recordKeys) {
        if (type.startsWith("List<") && type.endsWith(">")) {
            return knownType(type.substring(5, type.length() - 1), recordKeys);
        }
        return BASIC_TYPES.contains(type) || recordKeys.contains(type);
    }
}
