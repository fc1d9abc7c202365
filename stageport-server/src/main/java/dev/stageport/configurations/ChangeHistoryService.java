package dev.stageport.configurations;

import dev.stageport.assets.AssetRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.errors.ApiException;
import dev.stageport.web.PageInfoWithTotals;
import dev.stageport.web.Paging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who changed which configuration value of an app in a stage, when, and how (newest first). */
@Service
public class ChangeHistoryService {

    static final String SECRET_CHANGED = "(secret changed)";
    static final List<String> SECTIONS = List.of("settings", "timers", "integrations", "libraries",
            "systemConfigurations");

    private final ConfigTargets targets;
    private final AssetRepository assets;
    private final ConfigModelLoader models;
    private final ConfigChangeRepository changes;

    public ChangeHistoryService(ConfigTargets targets, AssetRepository assets, ConfigModelLoader models,
                                ConfigChangeRepository changes) {
        this.targets = targets;
        this.assets = assets;
        this.models = models;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public ConfigurationChanges history(Caller caller, String environmentKey, String applicationKey, String key,
                                        String section, String since, Integer limit, Integer offset) {
        Paging paging = Paging.of(limit, offset);
        String sectionFilter = section(section);
        Instant from = since(since);
        ConfigTargets.Target target = targets.target(caller, Permission.VIEW_CONFIGURATIONS, environmentKey,
                applicationKey, ConfigTargets.Kind.APP);
        String env = target.environmentKey();
        String asset = target.asset().key();
        Map<String, String> names = names(target);
        String keyFilter = key == null || key.isBlank() ? null : key.trim();
        if (keyFilter != null && names.keySet().stream().noneMatch(p -> ConfigChange.itemKey(p)
                .equals(keyFilter.toLowerCase(Locale.ROOT)))
                && !changes.itemKeys(env, asset).contains(keyFilter.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("'key' '" + keyFilter + "' is not a configuration item of the app " + asset
                    + " (use the key as the history shows it, e.g. a setting's key or Timer/IsActive).");
        }
        ConfigChangeRepository.Page page = changes.find(new ConfigChangeRepository.Query(env, asset, true, keyFilter,
                sectionFilter, from, paging.limit(), paging.offset()));
        List<ConfigurationChanges.Change> results = page.rows().stream().map(c -> new ConfigurationChanges.Change(
                c.section(), c.itemKey(),
                c.name() != null ? c.name() : names.get((c.section() + "/" + c.itemKey()).toLowerCase(Locale.ROOT)),
                c.secret() ? null : c.previousValue(),
                c.secret() ? SECRET_CHANGED : c.newValue(), c.source().name(), c.operationKey(), c.changedBy(),
                c.changedAt())).toList();
        return new ConfigurationChanges(results, PageInfoWithTotals.of(paging, results.size(), page.total()));
    }

    /** Item names of the app's latest revision by lower-cased path. */
    private Map<String, String> names(ConfigTargets.Target target) {
        Map<String, String> names = new HashMap<>();
        assets.latestRevision(target.asset().key()).ifPresent(r -> models.load(target.environmentKey(),
                target.asset(), r.configSchema()).items().values().forEach(i -> {
                    String name = i.name() == null ? i.key() : i.name();
                    names.put(i.path().toLowerCase(Locale.ROOT), name);
                }));
        return names;
    }

    private static String section(String section) {
        if (section == null || section.isBlank()) {
            return null;
        }
        for (String s : SECTIONS) {
            if (s.equalsIgnoreCase(section.trim())) {
                return s;
            }
        }
        throw ApiException.badRequest("'section' must be one of " + String.join(", ", SECTIONS) + ", got '"
                + section + "'.");
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'since' must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z, got '"
                    + since + "'.");
        }
    }
}
