package dev.stageport.hostile;

import dev.stageport.identity.Permission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every endpoint of the server in one table: method, path template, a valid sample
 * body, the permission it needs and how that permission is scoped. Templates use
 * {env} {app} {rev} {op} {publish} {build} {client} {greeting}; {@link #fill} puts real keys in.
 * A test that finds a controller method missing here should add a row.
 */
public final class EndpointCatalog {

    /** How an endpoint's permission applies. */
    public enum Scope {
        /** The path or body names a stage; the permission is needed on that stage. */
        STAGE,
        /** A list: always answered, filtered to the stages where the caller has Stage > View stage. */
        LIST,
        /** The permission on any one stage is enough (assets and builds are not per stage). */
        ANY_STAGE,
        /** Tenant-wide: the permission must be granted on every stage. */
        TENANT
    }

    /**
     * @param readBack a GET template whose answer must not change when a refused request targets a stage
     *                 (null for reads)
     */
    public record Endpoint(String method, String path, String body, Permission permission, Scope scope,
                           String readBack) {

        /** The endpoint's permission, or another one the spec accepts instead of it. */
        public boolean allows(Permission granted) {
            return granted == permission || ALTERNATIVES.getOrDefault(toString(), Set.of()).contains(granted);
        }

        public boolean hasBody() {
            return body != null;
        }

        public boolean mutating() {
            return !"GET".equals(method);
        }

        /** Server-sent events: answered as a stream, so only some checks apply. */
        public boolean stream() {
            return path.endsWith("/events");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String ASSETS = "/api/asset-repository/v1/assets";
    private static final String BUILDS = "/api/builds/v1/build-operations";
    private static final String CONFIG = "/api/asset-configurations/v1/environments/{env}/applications/{app}";
    private static final String OPS = "/api/deployments/v1/deployment-operations";
    private static final String PUBLISH = "/api/deployments/v1/publish-operations";
    private static final String SIM = "/api/stageport/v1/environments/{env}";
    private static final String CLIENTS = "/api/stageport/v1/api-clients";

    public static final List<Endpoint> ALL = List.of(
            // Portfolio
            get("/api/portfolios/v1/environments", Permission.STAGE_VIEW, Scope.LIST),
            get("/api/portfolios/v2/environments", Permission.STAGE_VIEW, Scope.LIST),
            get("/api/portfolios/v1/deployed-assets", Permission.STAGE_VIEW, Scope.LIST),
            get("/api/portfolios/v2/deployed-assets", Permission.STAGE_VIEW, Scope.LIST),
            // Asset repository
            get(ASSETS, Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/latest-revision", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/revisions", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/revisions/{rev}", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/highest-tag-revision", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/revisions/{rev}/release-notes", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            new Endpoint("PATCH", ASSETS + "/{app}/revisions/{rev}", "{\"commitMessage\":\"hostile\"}",
                    Permission.ASSET_CHANGE, Scope.ANY_STAGE, null),
            // the fixture app is deployed, so an allowed DELETE answers 409 and the fixture survives
            new Endpoint("DELETE", ASSETS + "/{app}", null, Permission.ASSET_DELETE, Scope.ANY_STAGE, null),
            new Endpoint("POST", "/api/asset-repository/v1/uploads", null, Permission.ASSET_CREATE,
                    Scope.ANY_STAGE, null),
            // {upload} holds a library bundle of an existing asset: each allowed call adds a revision
            new Endpoint("POST", ASSETS, "{\"fileUri\":\"{upload}\",\"commitMessage\":\"hostile\"}",
                    Permission.ASSET_CHANGE, Scope.ANY_STAGE, null),
            // Builds
            get(BUILDS + "?assetKey={app}", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(BUILDS + "/{build}", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(BUILDS + "/{build}/log-messages", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            new Endpoint("POST", BUILDS, "{\"assetKey\":\"{app}\",\"assetRevision\":1,\"buildType\":\"Release\"}",
                    Permission.ASSET_OPEN, Scope.ANY_STAGE, null),
            // Asset configurations
            new Endpoint("PATCH", CONFIG + "/configurations", """
                    {"key":"{app}","revisionBaseline":1,"settings":[{"key":"{greeting}","value":"hostile"}],\
                    "timers":[{"key":"{timer}","configs":[{"key":"IsActive","value":"false"}]}]}""",
                    Permission.EDIT_CONFIGURATIONS, Scope.STAGE, CONFIG + "/revisions/deployed/configurations"),
            get(CONFIG + "/revisions/deployed/configurations", Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            get(CONFIG + "/revisions/{rev}/configurations", Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            // Deployments
            new Endpoint("POST", OPS, """
                    {"operation":"Deploy","assetKey":"{app}","buildKey":"{build}","revision":1,\
                    "environmentKey":"{env}"}""", Permission.DEPLOY_APPS, Scope.STAGE,
                    OPS + "?environmentKey={env}&assetKey={app}"),
            get(OPS, Permission.STAGE_VIEW, Scope.LIST),
            get(OPS + "/{op}", Permission.STAGE_VIEW, Scope.STAGE),
            get(OPS + "/{op}?waitSeconds=1", Permission.STAGE_VIEW, Scope.STAGE),
            get(OPS + "/{op}/messages", Permission.STAGE_VIEW, Scope.STAGE),
            get(OPS + "/{op}/events", Permission.STAGE_VIEW, Scope.STAGE),
            // Publish operations
            new Endpoint("POST", PUBLISH, """
                    {"operation":"Publish","assetKey":"{app}","revision":1,"environmentKey":"{env}"}""",
                    Permission.ASSET_CHANGE, Scope.STAGE, PUBLISH + "?environmentKey={env}&assetKey={app}"),
            get(PUBLISH, Permission.STAGE_VIEW, Scope.LIST),
            get(PUBLISH + "/{publish}", Permission.STAGE_VIEW, Scope.STAGE),
            get(PUBLISH + "/{publish}/messages", Permission.STAGE_VIEW, Scope.STAGE),
            // Simulation (Stageport only)
            get(SIM + "/simulation", Permission.STAGE_VIEW, Scope.STAGE),
            get(SIM + "/runtime", Permission.STAGE_VIEW, Scope.STAGE),
            new Endpoint("PUT", SIM + "/runtime", "{\"driver\":\"simulated\",\"settings\":{\"stepMillis\":20}}",
                    Permission.DEPLOY_APPS, Scope.STAGE, SIM + "/runtime"),
            get(SIM + "/assets/{app}/instance", Permission.STAGE_VIEW, Scope.STAGE),
            get(SIM + "/assets/{app}/instance/logs?lines=10", Permission.STAGE_VIEW, Scope.STAGE),
            get(SIM + "/assets/{app}/kubernetes-manifests", Permission.STAGE_VIEW, Scope.STAGE),
            get("/api/stageport/v1/builds/{build}/artifact", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            new Endpoint("PUT", SIM + "/simulation", "{\"stepMillis\":20,\"failStep\":null,\"failMessage\":null}",
                    Permission.DEPLOY_APPS, Scope.STAGE, SIM + "/simulation"),
            get(SIM + "/assets/{app}/simulation", Permission.STAGE_VIEW, Scope.STAGE),
            new Endpoint("PUT", SIM + "/assets/{app}/simulation",
                    "{\"stepMillis\":7,\"failStep\":\"HealthCheck\",\"failMessage\":\"boom\"}",
                    Permission.DEPLOY_APPS, Scope.STAGE, SIM + "/assets/{app}/simulation"),
            // Cancel and stage policy (Stageport only)
            new Endpoint("POST", "/api/stageport/v1/deployment-operations/{op}/cancel", "{\"reason\":\"hostile\"}",
                    Permission.DEPLOY_APPS, Scope.STAGE, OPS + "/{op}"),
            new Endpoint("POST", "/api/stageport/v1/build-operations/{build}/cancel", "{\"reason\":\"hostile\"}",
                    Permission.ASSET_OPEN, Scope.ANY_STAGE, null),
            new Endpoint("POST", "/api/stageport/v1/publish-operations/{publish}/cancel",
                    "{\"reason\":\"hostile\"}", Permission.DEPLOY_APPS, Scope.STAGE, PUBLISH + "/{publish}"),
            get(SIM + "/policy", Permission.STAGE_VIEW, Scope.STAGE),
            new Endpoint("PUT", SIM + "/policy", "{\"maxOperationSeconds\":3600}", Permission.DEPLOY_APPS,
                    Scope.STAGE, SIM + "/policy"),
            // API clients (Stageport only)
            get(CLIENTS, Permission.MANAGE_API_CLIENTS, Scope.TENANT),
            tenant("POST", CLIENTS, """
                    {"name":"hostile","description":"made by a test",\
                    "permissions":[{"permission":"StageView","environmentKey":"{env}"}]}""", CLIENTS),
            get(CLIENTS + "/{client}", Permission.MANAGE_API_CLIENTS, Scope.TENANT),
            tenant("PATCH", CLIENTS + "/{client}", "{\"name\":\"renamed\",\"description\":\"changed\"}",
                    CLIENTS + "/{client}"),
            tenant("PUT", CLIENTS + "/{client}/permissions",
                    "{\"permissions\":[{\"permission\":\"StageView\",\"environmentKey\":\"{env}\"}]}",
                    CLIENTS + "/{client}"),
            tenant("POST", CLIENTS + "/{client}/suspend", null, CLIENTS + "/{client}"),
            tenant("POST", CLIENTS + "/{client}/resume", null, CLIENTS + "/{client}"),
            tenant("POST", CLIENTS + "/{client}/secret", "{\"secretExpiresAt\":null}", CLIENTS + "/{client}"),
            tenant("DELETE", CLIENTS + "/{client}", null, CLIENTS + "/{client}"));

    /** Endpoints the spec lets either of two permissions call, by "METHOD path". */
    private static final Map<String, Set<Permission>> ALTERNATIVES = Map.of(
            "PATCH " + ASSETS + "/{app}/revisions/{rev}", Set.of(Permission.RELEASE),
            "POST /api/asset-repository/v1/uploads", Set.of(Permission.ASSET_CHANGE));

    private EndpointCatalog() {
    }

    /** Replaces every {placeholder} with its value. */
    public static String fill(String template, Map<String, String> values) {
        String out = template;
        for (var entry : values.entrySet()) {
            out = out.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        if (out.matches("(?s).*\\{[a-z]+}.*")) {
            throw new IllegalArgumentException("unfilled placeholder in " + out);
        }
        return out;
    }

    private static Endpoint get(String path, Permission permission, Scope scope) {
        return new Endpoint("GET", path, null, permission, scope, null);
    }

    private static Endpoint tenant(String method, String path, String body, String readBack) {
        return new Endpoint(method, path, body, Permission.MANAGE_API_CLIENTS, Scope.TENANT, readBack);
    }
}
