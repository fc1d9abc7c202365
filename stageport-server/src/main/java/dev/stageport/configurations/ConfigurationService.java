package dev.stageport.configurations;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.assets.AssetRevision;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.DeployedAsset;
import dev.stageport.portfolio.DeployedAssetRepository;
import dev.stageport.configurations.ConfigTargets.Target;
import dev.stageport.secrets.SecretCipher;
import dev.stageport.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Rules of the app configuration endpoints: who may do what, and what a request must contain. */
@Service
public class ConfigurationService {

    private final ConfigTargets targets;
    private final ConfigModelLoader models;
    private final AssetRepository assets;
    private final DeployedAssetRepository deployedAssets;
    private final ConfigurationRepository values;
    private final SecretCipher cipher;
    private final ConfigChangeRepository history;
    private final Clock clock;

    public ConfigurationService(ConfigTargets targets, ConfigModelLoader models, AssetRepository assets,
                                DeployedAssetRepository deployedAssets, ConfigurationRepository values,
                                SecretCipher cipher, ConfigChangeRepository history, Clock clock) {
        this.targets = targets;
        this.models = models;
        this.assets = assets;
        this.deployedAssets = deployedAssets;
        this.values = values;
        this.cipher = cipher;
        this.history = history;
        this.clock = clock;
    }

    /** The app PATCH for server-side callers (a scenario seed), with the same checks. */
    @Transactional
    public void patchApp(Caller caller, String environmentKey, String applicationKey, ApplicationConfigPatch body) {
        patch(caller, environmentKey, applicationKey, body, ConfigTargets.Kind.APP);
    }

    /**
     * Validates the whole request against the baseline revision, then stores every
     * value as pending in one transaction: either all values change or none does.
     */
    @Transactional
    public void patch(Caller caller, String environmentKey, String applicationKey, ApplicationConfigPatch body,
                      ConfigTargets.Kind kind) {
        Target target = targets.target(caller, Permission.EDIT_CONFIGURATIONS, environmentKey, applicationKey, kind);
        if (body.key() != null && !sameKey(body.key(), target.asset().key())) {
            throw ApiException.badRequest("The body 'key' '" + body.key() + "' does not match the " + kind.param + " "
                    + target.asset().key() + " of the path; leave it out or send the same key.");
        }
        int revision = body.revisionBaseline() == null || body.revisionBaseline().isNull()
                ? defaultBaseline(target) : revisionBaseline(body.revisionBaseline());
        AssetRevision baseline = assets.findRevision(target.asset().key(), revision)
                .orElseThrow(() -> ApiException.badRequest("'revisionBaseline' " + revision
                        + " is not a revision of the " + kind.noun + " " + target.asset().key() + "."));
        List<PatchValidator.Change> changes = PatchValidator.validate(
                models.load(target.environmentKey(), target.asset(), baseline.configSchema()), revision, body);
        Instant now = clock.instant();
        String env = target.environmentKey();
        String asset = target.asset().key();
        try {
            for (PatchValidator.Change change : changes) {
                String path = change.item().path();
                Optional<ConfigValue> before = values.lock(env, asset, path);
                boolean secret = change.item().secret();
                String stored = secret ? cipher.encryptText(change.value()) : change.value();
                if (before.isPresent() || !values.insertPending(env, asset, path, stored, secret, change.filename(),
                        now, caller.clientId())) {
                    // a concurrent first write got in first: its value is the one this one replaces
                    before = before.isPresent() ? before : values.lock(env, asset, path);
                    values.setPending(env, asset, path, stored, secret, change.filename(), now, caller.clientId());
                }
                history.insert(ConfigChange.of(env, asset, path, change.item().name(),
                        before.map(ConfigValue::valueText).orElse(null), change.value(),
                        secret || before.map(ConfigValue::encrypted).orElse(false), ConfigChange.Source.Patch, null,
                        caller.clientId(), now));
            }
        } catch (DuplicateKeyException raced) {
            // Two first-time PATCHes of the same item crossed; the transaction rolls back whole.
            throw ApiException.conflict("Another request changed the same configuration at the same time; "
                    + "nothing was stored. Send the request again.");
        }
    }

    /** The configuration of the revision that runs in the stage; 404 when none runs there. */
    @Transactional(readOnly = true)
    public ApplicationConfigResult deployed(Caller caller, String environmentKey, String applicationKey,
                                            String fields, Boolean showBinaryValues, ConfigTargets.Kind kind) {
        ResultAssembler.View view = view(fields, showBinaryValues);
        Target target = targets.target(caller, Permission.VIEW_CONFIGURATIONS, environmentKey, applicationKey, kind);
        DeployedAsset deployed = deployedAssets.find(target.environmentKey(), target.asset().key())
                .orElseThrow(() -> ApiException.notFound("The " + kind.noun + " " + target.asset().key()
                        + " is not deployed in the stage " + target.environmentKey()
                        + "; use .../revisions/{baselineRevision}/configurations to see a revision's configuration."));
        return view(target, deployed.revision(), deployed, view);
    }

    /** An app's configuration in the stage where it runs, every section (the console's configuration pages). */
    @Transactional(readOnly = true)
    public ApplicationConfigResult deployedApp(Caller caller, String environmentKey, String applicationKey) {
        return deployed(caller, environmentKey, applicationKey, null, false, ConfigTargets.Kind.APP);
    }

    /** The configuration of one revision as it would run in the stage. */
    @Transactional(readOnly = true)
    public ApplicationConfigResult revision(Caller caller, String environmentKey, String applicationKey,
                                            String baselineRevision, String fields, Boolean showBinaryValues,
                                            ConfigTargets.Kind kind) {
        ResultAssembler.View view = view(fields, showBinaryValues);
        int revision = revisionNumber(baselineRevision, "baselineRevision");
        Target target = targets.target(caller, Permission.VIEW_CONFIGURATIONS, environmentKey, applicationKey, kind);
        DeployedAsset deployed = deployedAssets.find(target.environmentKey(), target.asset().key()).orElse(null);
        return view(target, revision, deployed, view);
    }

    private ApplicationConfigResult view(Target target, int revision, DeployedAsset deployed,
                                         ResultAssembler.View view) {
        AssetRevision r = assets.findRevision(target.asset().key(), revision)
                .orElseThrow(() -> ApiException.notFound("The " + target.kind().noun + " " + target.asset().key()
                        + " has no revision " + revision + "."));
        return ResultAssembler.assemble(target.asset(), revision,
                models.load(target.environmentKey(), target.asset(), r.configSchema()), deployed,
                values.values(target.environmentKey(), target.asset().key()), view);
    }

    /**
     * The apply-configurations docs send a PATCH without revisionBaseline: then the
     * values are checked against the revision running in the stage, or the latest
     * revision when the app does not run there yet.
     */
    private int defaultBaseline(Target target) {
        return deployedAssets.find(target.environmentKey(), target.asset().key()).map(DeployedAsset::revision)
                .or(() -> assets.latestRevision(target.asset().key()).map(AssetRevision::revision))
                .orElseThrow(() -> ApiException.badRequest("'revisionBaseline' is required: the asset has no revision."));
    }

    /** The schema says integer, the ODC docs example sends "2": both are accepted. */
    static int revisionBaseline(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.badRequest("'revisionBaseline' is required: the revision whose configuration schema "
                    + "the keys and values are checked against.");
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString()) {
            return revisionNumber(node.asString(), "revisionBaseline");
        }
        throw ApiException.badRequest("'revisionBaseline' must be a revision number, got " + node + ".");
    }

    private static int revisionNumber(String text, String field) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.matches("\\+?[0-9]{1,9}")) {
            return Integer.parseInt(trimmed);
        }
        throw ApiException.badRequest("'" + field + "' must be a revision number, got '" + text + "'.");
    }

    static ResultAssembler.View view(String fields, Boolean showBinaryValues) {
        Set<ResultAssembler.Section> sections = EnumSet.allOf(ResultAssembler.Section.class);
        if (fields != null && !fields.isBlank()) {
            sections = EnumSet.noneOf(ResultAssembler.Section.class);
            for (String field : fields.split(",")) {
                String name = field.trim();
                // The docs also name baseProperties: key, name and revisions, which every answer carries anyway.
                if (name.isEmpty() || name.equalsIgnoreCase("baseProperties")) {
                    continue;
                }
                sections.add(section(name));
            }
        }
        return new ResultAssembler.View(sections, Boolean.TRUE.equals(showBinaryValues));
    }

    private static ResultAssembler.Section section(String name) {
        for (ResultAssembler.Section s : ResultAssembler.Section.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw ApiException.badRequest("'fields' accepts baseProperties, systemConfigurations, settings, timers, "
                + "integrations and libraries, got '" + name + "'.");
    }

    private static boolean sameKey(String bodyKey, String assetKey) {
        return bodyKey.trim().equalsIgnoreCase(assetKey);
    }
}
