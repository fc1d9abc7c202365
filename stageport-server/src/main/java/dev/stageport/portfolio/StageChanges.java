package dev.stageport.portfolio;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import dev.stageport.web.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Renaming and reordering stages (portfolio API v2 PATCH). A rename needs Manage stages on
 * that stage, a new order Manage portfolio on every stage. The changes of one request apply
 * together or not at all; afterwards every stage has its own name and its own order, since
 * the order is the promotion path (docs/portfolios.md).
 */
@Service
public class StageChanges {

    private static final Set<String> FIELDS = Set.of("name", "order");
    private static final Set<String> BATCH_FIELDS = Set.of("key", "name", "order");

    private final StageRepository stages;
    private final TransactionTemplate transactions;

    public StageChanges(StageRepository stages, TransactionTemplate transactions) {
        this.stages = stages;
        this.transactions = transactions;
    }

    /** One change: a null name or order keeps the stage's current one. */
    record Change(String key, String name, Integer order) {
    }

    public void patchOne(Caller caller, String environmentKey, JsonNode body) {
        String key = Keys.parse(environmentKey, "environmentKey").toString();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with 'name' and/or 'order'.");
        }
        apply(caller, List.of(change(body, key, "", FIELDS)));
    }

    public void patchMany(Caller caller, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with an 'environments' array.");
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("environments")) {
                throw ApiException.badRequest("Unknown field '" + field + "'; expected 'environments'.");
            }
        }
        JsonNode items = body.get("environments");
        if (items == null || !items.isArray()) {
            throw ApiException.badRequest("'environments' must be an array of {key, name, order}.");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "environments[" + i + "].";
            if (!item.isObject()) {
                throw ApiException.badRequest("'" + at.substring(0, at.length() - 1) + "' must be an object.");
            }
            JsonNode key = item.get("key");
            if (key == null || !key.isString()) {
                throw ApiException.badRequest("'" + at + "key' is required: the key of the stage to change.");
            }
            changes.add(change(item, Keys.parse(key.asString(), at + "key").toString(), at, BATCH_FIELDS));
        }
        if (changes.stream().map(Change::key).distinct().count() < changes.size()) {
            throw ApiException.badRequest("'environments' names a stage more than once.");
        }
        apply(caller, changes);
    }

    private static Change change(JsonNode item, String key, String at, Set<String> allowed) {
        for (String field : item.propertyNames()) {
            if (!allowed.contains(field)) {
                throw ApiException.badRequest("Unknown field '" + at + field + "'; expected " + allowed + ".");
            }
        }
        String name = null;
        JsonNode nameNode = item.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            if (!nameNode.isString() || nameNode.asString().isBlank()
                    || nameNode.asString().length() > Portfolio.MAX_NAME_LENGTH) {
                throw ApiException.badRequest("'" + at + "name' must be a string of 1 to " + Portfolio.MAX_NAME_LENGTH
                        + " characters.");
            }
            name = nameNode.asString().trim();
        }
        Integer order = null;
        JsonNode orderNode = item.get("order");
        if (orderNode != null && !orderNode.isNull()) {
            if (!orderNode.isInt() || orderNode.asInt() < 0) {
                throw ApiException.badRequest("'" + at + "order' must be a whole number of 0 or more.");
            }
            order = orderNode.asInt();
        }
        return new Change(key, name, order);
    }

    private void apply(Caller caller, List<Change> changes) {
        transactions.executeWithoutResult(status -> {
            Map<String, Stage> current = stages.all().stream()
                    .collect(Collectors.toMap(Stage::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            for (Change change : changes) {
                Stage stage = current.get(change.key());
                if (stage == null) {
                    throw ApiException.stageNotFound(change.key());
                }
                // decided by what the request asks for, not by whether it happens to change anything
                if (change.name() != null || change.order() == null) {
                    caller.require(Permission.MANAGE_STAGES, stage.key());
                }
                if (change.order() != null) {
                    caller.require(Permission.MANAGE_PORTFOLIO, Caller.EVERY_STAGE);
                }
            }
            Map<String, Stage> next = new LinkedHashMap<>(current);
            for (Change change : changes) {
                Stage s = current.get(change.key());
                next.put(s.key(), new Stage(s.key(), change.name() == null ? s.name() : change.name(), s.purpose(),
                        change.order() == null ? s.order() : change.order(), s.hostname(), s.region(), s.hosting(),
                        s.runtimeDriver(), s.runtimeSettings(), s.createdAt()));
            }
            requireDistinct(next.values(), s -> s.name().toLowerCase(Locale.ROOT), "name");
            requireDistinct(next.values(), s -> String.valueOf(s.order()), "order");
            for (Change change : changes) {
                Stage s = next.get(change.key());
                stages.rename(s.key(), s.name(), s.order());
            }
        });
    }

    private static void requireDistinct(java.util.Collection<Stage> all, Function<Stage, String> value,
                                        String field) {
        Map<String, List<String>> byValue = all.stream().collect(Collectors.groupingBy(value,
                LinkedHashMap::new, Collectors.mapping(Stage::key, Collectors.toList())));
        List<String> clashes = byValue.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "the stages " + e.getValue() + " would share the " + field + " " + e.getKey()).toList();
        if (!clashes.isEmpty()) {
            throw new ApiException(ErrorCode.UNPROCESSABLE, "Every stage needs its own " + field + ": "
                    + String.join("; ", clashes) + ".", clashes);
        }
    }
}
