package dev.stageport.console;

import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.identity.api.PermissionGrant;
import dev.stageport.portfolio.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grid of permissions on the identities forms: a row a permission, a column for every stage
 * and one a stage, the boxes of the grants an identity already has ticked. A stage the manager
 * does not see still gets a column (named by its key) when the identity has grants there, so
 * saving the form never drops grants that were not on the screen.
 */
public record GrantGrid(List<Column> columns, Set<String> checked) {

    public record Column(String key, String name) {
    }

    static GrantGrid empty(List<Stage> visible) {
        return of(visible, List.of());
    }

    static GrantGrid of(List<Stage> visible, List<PermissionGrant> granted) {
        List<Column> columns = new ArrayList<>(visible.stream().map(s -> new Column(s.key(), s.name())).toList());
        Set<String> shown = visible.stream().map(Stage::key).collect(Collectors.toSet());
        granted.stream().map(PermissionGrant::environmentKey)
                .filter(key -> !key.equals(Caller.EVERY_STAGE) && !shown.contains(key))
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .forEach(key -> columns.add(new Column(key, key)));
        Set<String> checked = granted.stream().map(g -> g.permission() + "@" + g.environmentKey())
                .collect(Collectors.toSet());
        return new GrantGrid(List.copyOf(columns), checked);
    }

    public List<Permission> permissions() {
        return List.of(Permission.values());
    }

    public boolean has(Permission permission, String environmentKey) {
        return checked.contains(permission.code() + "@" + environmentKey);
    }
}
