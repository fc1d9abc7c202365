package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import dev.stageport.client.OdcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline file resolved against the server before anything changes: the asset,
 * the revision and its Release build, every stage, and every value with the setting
 * it names and the type it must have. Each problem is recorded in the file at its
 * line and column; a plan with problems is never run.
 */
final class PromotionPlan {

    /** What one stage gets: its values (pending), then a Deploy. */
    record StagePlan(String stageKey, String stageName, Map<String, String> values, List<String> secretNames,
                     JsonNode schema) {
    }

    final String assetKey;
    final int revision;
    final String build;
    final List<StagePlan> stages;

    private PromotionPlan(String assetKey, int revision, String build, List<StagePlan> stages) {
        this.assetKey = assetKey;
        this.revision = revision;
        this.build = build;
        this.stages = stages;
    }

    /** Null when the file has problems (they are in {@code file.problems()}). */
    static PromotionPlan resolve(OdcClient client, PipelineFile file, List<PipelineFile.Step> steps,
                                 Function<String, String> env) {
        String assetKey = file.asset() == null ? null : attempt(file, "/asset",
                () -> Names.assetKey(client, file.asset()));
        Integer revision = null;
        String build = null;
        if (assetKey != null) {
            RevisionChoice choice = new RevisionChoice();
            choice.tag = file.tag();
            if (file.revision() != null && file.revision().matches("\\d{1,9}")) {
                choice.number = Integer.parseInt(file.revision());
            }
            revision = attempt(file, file.tag() != null ? "/tag" : "/revision",
                    () -> choice.resolve(client, assetKey));
            if (revision != null) {
                int number = revision;
                build = attempt(file, file.tag() != null ? "/tag" : "/revision",
                        () -> RevisionChoice.releaseBuild(client, assetKey, number));
            }
        }
        List<StagePlan> stages = new ArrayList<>();
        for (PipelineFile.Step step : steps) {
            String stageKey = step.stage() == null ? null : attempt(file, step.pointer() + "/stage",
                    () -> Names.stageKey(client, step.stage()));
            if (stageKey == null) {
                continue;
            }
            JsonNode schema = null;
            Map<String, String> values = new LinkedHashMap<>();
            if (revision != null && (!step.set().isEmpty() || !step.secretsFromEnv().isEmpty())) {
                int number = revision;
                schema = attempt(file, step.pointer(), () -> client.get(ConfigCommand.base(stageKey, assetKey)
                        + "/revisions/" + number + "/configurations"));
            }
            if (schema != null) {
                checkValues(file, step, schema, env, values);
            }
            stages.add(new StagePlan(stageKey, step.stage(), values, List.copyOf(step.secretsFromEnv().keySet()),
                    schema));
        }
        return file.problems().isEmpty() ? new PromotionPlan(assetKey, revision, build, stages) : null;
    }

    private static void checkValues(PipelineFile file, PipelineFile.Step step, JsonNode schema,
                                    Function<String, String> env, Map<String, String> values) {
        step.set().forEach((name, value) -> {
            String pointer = step.pointer() + "/set/" + name;
            if (attempt(file, pointer, () -> ConfigPatch.itemPath(schema, name)) == null) {
                return;
            }
            if (value == null) {
                file.problem(pointer, "'" + name + "' has no value");
                return;
            }
            String expected = SettingTypes.problem(dataType(schema, name), value);
            if (expected != null) {
                file.problem(pointer, "'" + name + "' expects " + expected);
                return;
            }
            values.put(name, value);
        });
        step.secretsFromEnv().forEach((name, variable) -> {
            String pointer = step.pointer() + "/secretsFromEnv/" + name;
            if (attempt(file, pointer, () -> ConfigPatch.itemPath(schema, name)) == null) {
                return;
            }
            String value = variable == null ? null : env.apply(variable);
            if (value == null) {
                file.problem(pointer, "environment variable " + variable + " for secret " + name + " is not set");
                return;
            }
            values.put(name, value);
        });
    }

    private static String dataType(JsonNode schema, String nameOrKey) {
        for (JsonNode item : schema.path("settings")) {
            if (item.path("name").asString("").equalsIgnoreCase(nameOrKey)
                    || item.path("key").asString("").equalsIgnoreCase(nameOrKey)) {
                return item.path("dataType").asString("Text");
            }
        }
        return "Text";
    }

    /** The value, or null with the refusal recorded at the pointer. */
    private static <T> T attempt(PipelineFile file, String pointer, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (UsageException e) {
            file.problem(pointer, e.getMessage());
        } catch (OdcException e) {
            if (e.status() == 0 || e.status() == 401 || e.status() >= 500) {
                throw e; // not a problem of the file
            }
            file.problem(pointer, "the server refused it: " + e.getMessage());
        }
        return null;
    }
}
