package dev.stageport.hostile;

import dev.stageport.identity.Permission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every endpoint of the server in one table: method, path template, a valid sample
 * body, the permission it needs and how that permission is scoped. Templates use
 * {env} {app} {rev} {op} {publish} {build} {client} {greeting} {timer} {upload} {agent} {agentsetting}
 * {analysis} {deletion} {bundled} {portfolio} {envname} {envorder} {freeze} {approval} {peer} (a second stage
 * the matrix's clients may also use) {webhook} {delivery} (one of its deliveries) {sparewebhook} (one to delete)
 * {hookurl} (a receiver the tests run); {@link #fill} puts real keys in. EndpointCatalogCoverageTest fails for a
 * handler of the server that is neither here nor in {@link #EXEMPT}: add a row for every new endpoint.
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
    private static final String HOOKS = "/api/stageport/v1/webhooks";
    private static final String USERS = "/api/stageport/v1/console-users";
    private static final String AGENT = "/api/asset-configurations/v1/environments/{env}/agents/{agent}";
    private static final String STAGE_DEFAULTS =
            "/api/asset-configurations/v1/environments/{env}/default-system-configurations";
    private static final String OWN_CONFIG = "/api/stageport/v1/environments/{env}/applications/{app}";
    private static final String DM = "/api/dependency-management/v1";
    private static final String APPROVALS = "/api/stageport/v1/approvals";
    private static final String DM_REV = DM + "/assets/{app}/revisions/{rev}";

    public static final List<Endpoint> ALL = List.of(
            // Portfolio
            get("/api/portfolios/v1/environments", Permission.STAGE_VIEW, Scope.LIST),
            get("/api/portfolios/v2/environments", Permission.STAGE_VIEW, Scope.LIST),
            get("/api/portfolios/v1/deployed-assets", Permission.STAGE_VIEW, Scope.LIST),
            get("/api/portfolios/v2/deployed-assets", Permission.STAGE_VIEW, Scope.LIST),
            new Endpoint("PATCH", "/api/portfolios/v2/environments/{env}", "{\"name\":\"{envname}\"}",
                    Permission.MANAGE_STAGES, Scope.STAGE, "/api/portfolios/v2/environments"),
            new Endpoint("PATCH", "/api/portfolios/v2/environments",
                    "{\"environments\":[{\"key\":\"{env}\",\"order\":{envorder}}]}", Permission.MANAGE_PORTFOLIO,
                    Scope.TENANT, "/api/portfolios/v2/environments"),
            // answered to any client with a permission; neither names a stage
            get("/api/portfolios/v2/portfolios", Permission.STAGE_VIEW, Scope.LIST),
            get("/api/portfolios/v2/libraries", Permission.STAGE_VIEW, Scope.LIST),
            new Endpoint("PATCH", "/api/portfolios/v2/portfolios/{portfolio}", "{\"name\":\"Main\"}",
                    Permission.MANAGE_PORTFOLIO, Scope.TENANT, "/api/portfolios/v2/portfolios"),
            // Asset repository
            get(ASSETS, Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/latest-revision", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/revisions", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/revisions/{rev}", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/highest-tag-revision", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{app}/revisions/{rev}/release-notes", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{bundled}/revisions/{rev}/source-code", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{bundled}/revisions/{rev}/signature", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{bundled}/revisions/{rev}/metadata", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(ASSETS + "/{bundled}/revisions/{rev}/icon", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            new Endpoint("POST", ASSETS + "/search", """
                    {"assetVersionFilters":[{"key":"{app}","revision":1},{"key":"{bundled}","isHighestTag":false,\
                    "digest":"m1"}],"embeds":["metadata","sourceCode"]}""", Permission.ASSET_OPEN, Scope.ANY_STAGE,
                    null),
            get("/api/stageport/v1/assets/{bundled}/revisions/{rev}/bundle", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get("/api/stageport/v1/assets/{bundled}/revisions/{rev}/icon", Permission.ASSET_OPEN, Scope.ANY_STAGE),
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
            // the fixture's builds have no artifact: packaging starts (201) and ends Failed, the download is a 409
            new Endpoint("POST", BUILDS + "/{build}/generated-code", null, Permission.ASSET_OPEN, Scope.ANY_STAGE,
                    null),
            get(BUILDS + "/{build}/generated-code", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get("/api/stageport/v1/builds/{build}/generated-code", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            new Endpoint("POST", BUILDS, "{\"assetKey\":\"{app}\",\"assetRevision\":1,\"buildType\":\"Release\"}",
                    Permission.ASSET_OPEN, Scope.ANY_STAGE, null),
            // Asset configurations
            new Endpoint("PATCH", CONFIG + "/configurations", """
                    {"key":"{app}","revisionBaseline":1,"settings":[{"key":"{greeting}","value":"hostile"}],\
                    "timers":[{"key":"{timer}","configs":[{"key":"IsActive","value":"false"}]}]}""",
                    Permission.EDIT_CONFIGURATIONS, Scope.STAGE, CONFIG + "/revisions/deployed/configurations"),
            get(CONFIG + "/revisions/deployed/configurations", Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            get(CONFIG + "/revisions/{rev}/configurations", Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            new Endpoint("PATCH", AGENT + "/configurations", """
                    {"revisionBaseline":1,"settings":[{"key":"{agentsetting}","value":"hostile"}]}""",
                    Permission.EDIT_CONFIGURATIONS, Scope.STAGE, AGENT + "/revisions/1/configurations"),
            get(AGENT + "/revisions/deployed/configurations", Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            get(AGENT + "/revisions/{rev}/configurations", Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            get(STAGE_DEFAULTS, Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            new Endpoint("PATCH", STAGE_DEFAULTS, """
                    {"systemConfigurations":[{"key":"LogLevel","value":"Warning"}]}""",
                    Permission.EDIT_CONFIGURATIONS, Scope.STAGE, STAGE_DEFAULTS),
            // Configuration history and stage diff (Stageport only)
            get("/api/stageport/v1/deployment-operations/{op}/configuration", Permission.STAGE_VIEW, Scope.STAGE),
            new Endpoint("POST", OWN_CONFIG + "/configurations/restore", "{\"operationKey\":\"{op}\"}",
                    Permission.EDIT_CONFIGURATIONS, Scope.STAGE, CONFIG + "/revisions/1/configurations"),
            get(OWN_CONFIG + "/configuration-history", Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
            new Endpoint("DELETE", OWN_CONFIG + "/configurations/overrides?item=settings/{greeting}", null,
                    Permission.EDIT_CONFIGURATIONS, Scope.STAGE, CONFIG + "/revisions/1/configurations"),
            get("/api/stageport/v1/applications/{app}/configuration-diff?from={env}&to={peer}",
                    Permission.VIEW_CONFIGURATIONS, Scope.STAGE),
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
            // Dependency management
            new Endpoint("POST", DM + "/deployment-analyses",
                    "{\"assetKey\":\"{app}\",\"revision\":1,\"environmentKey\":\"{env}\"}",
                    Permission.DEPLOY_APPS, Scope.STAGE, null),
            get(DM + "/deployment-analyses/{analysis}", Permission.DEPLOY_APPS, Scope.STAGE),
            new Endpoint("POST", DM + "/deletion-analyses", "{\"assetKey\":\"{app}\"}", Permission.ASSET_DELETE,
                    Scope.ANY_STAGE, null),
            get(DM + "/deletion-analyses/{deletion}", Permission.ASSET_DELETE, Scope.ANY_STAGE),
            get(DM + "/assets/{app}/consumers", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(DM + "/assets/{app}/consumers?environmentKey={env}", Permission.ASSET_OPEN, Scope.STAGE),
            get(DM_REV + "/producer-graph", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(DM_REV + "/producer-graph?environmentKey={env}&maxDepth=2&producerTypeFilter=All",
                    Permission.ASSET_OPEN, Scope.STAGE),
            get(DM_REV + "/producers", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(DM_REV + "/consumers", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(DM_REV + "/public-elements", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            get(DM_REV + "/referenced-elements", Permission.ASSET_OPEN, Scope.ANY_STAGE),
            new Endpoint("POST", DM + "/public-elements/search", """
                    {"elementNameContains":"a","limit":10,"offset":0,"assetFilters":[{"key":"{app}"}]}""",
                    Permission.ASSET_OPEN, Scope.ANY_STAGE, null),
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
            // Release safety: freeze windows and approvals (Stageport only)
            get(SIM + "/freeze-windows", Permission.STAGE_VIEW, Scope.STAGE),
            new Endpoint("POST", SIM + "/freeze-windows",
                    "{\"name\":\"hostile\",\"start\":\"2099-01-01T00:00:00Z\",\"end\":\"2099-01-02T00:00:00Z\"}",
                    Permission.DEPLOY_APPS, Scope.STAGE, SIM + "/freeze-windows"),
            new Endpoint("DELETE", SIM + "/freeze-windows/{freeze}", null, Permission.DEPLOY_APPS, Scope.STAGE,
                    SIM + "/freeze-windows"),
            get(APPROVALS, Permission.STAGE_VIEW, Scope.LIST),
            get(APPROVALS + "/{approval}", Permission.STAGE_VIEW, Scope.STAGE),
            new Endpoint("POST", APPROVALS + "/{approval}/approve", "{\"comment\":\"hostile\"}",
                    Permission.DEPLOY_APPS, Scope.STAGE, APPROVALS + "/{approval}"),
            new Endpoint("POST", APPROVALS + "/{approval}/reject", "{\"comment\":\"hostile\"}",
                    Permission.DEPLOY_APPS, Scope.STAGE, APPROVALS + "/{approval}"),
            // Rollback (Stageport only): {op} is what runs now, so an allowed call answers 409 and starts nothing
            new Endpoint("POST", SIM + "/assets/{app}/rollback", "{\"toOperationKey\":\"{op}\"}",
                    Permission.DEPLOY_APPS, Scope.STAGE, OPS + "?environmentKey={env}&assetKey={app}"),
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
            tenant("DELETE", CLIENTS + "/{client}", null, CLIENTS + "/{client}"),
            // Webhooks (Stageport only): tenant-wide like API clients. The sample subscribes to an event nothing
            // produces yet, so the webhooks the sweep creates send nothing.
            get(HOOKS, Permission.MANAGE_API_CLIENTS, Scope.TENANT),
            tenant("POST", HOOKS, """
                    {"url":"{hookurl}","events":["freeze.overridden"],"environmentKeys":["{env}"]}""", HOOKS),
            get(HOOKS + "/{webhook}", Permission.MANAGE_API_CLIENTS, Scope.TENANT),
            tenant("DELETE", HOOKS + "/{sparewebhook}", null, HOOKS + "/{sparewebhook}"),
            get(HOOKS + "/{webhook}/deliveries", Permission.MANAGE_API_CLIENTS, Scope.TENANT),
            // no read-back: deliveries of other tests' operations may arrive at any time
            tenant("POST", HOOKS + "/{webhook}/deliveries/{delivery}/redeliver", null, null),
            // Console users (Stageport only): managed like API clients
            get(USERS, Permission.MANAGE_API_CLIENTS, Scope.TENANT),
            get(USERS + "/{user}", Permission.MANAGE_API_CLIENTS, Scope.TENANT),
            tenant("PATCH", USERS + "/{user}", "{\"displayName\":\"renamed\"}", USERS + "/{user}"),
            tenant("PUT", USERS + "/{user}/permissions",
                    "{\"permissions\":[{\"permission\":\"StageView\",\"environmentKey\":\"{env}\"}]}",
                    USERS + "/{user}"),
            tenant("POST", USERS + "/{user}/suspend", null, USERS + "/{user}"),
            tenant("POST", USERS + "/{user}/resume", null, USERS + "/{user}"),
            tenant("DELETE", USERS + "/{user}", null, USERS + "/{user}"),
            // after the rows that name a user: the sweep's wrong values ("-1", "not-a-uuid") are valid user
            // names, so its mutated bodies create users that the bad-key checks above expect not to exist
            tenant("POST", USERS, """
                    {"username":"{newuser}","displayName":"made by a test",\
                    "permissions":[{"permission":"StageView","environmentKey":"{env}"}]}""", USERS),
            // Audit (Stageport only): tenant-wide like API clients
            get("/api/stageport/v1/audit-events", Permission.MANAGE_API_CLIENTS, Scope.TENANT));

    private static final String EMU = "/api/stageport/v1/emulator";

    /**
     * The emulator's endpoints: they exist only with STAGEPORT_EMULATOR=on, so they are not in
     * {@link #ALL} (the suite's server runs with it off, where they answer 404). The Emulator*
     * hostile tests run the sweep, the permission checks and the coverage on these rows against a
     * server with it on; {snapshot} is a snapshot that exists, {fault} a rule's key (the sample
     * rule never fires).
     */
    public static final List<Endpoint> EMULATOR = List.of(
            emulator("POST", EMU + "/reset", null, null),
            // restore before snapshots: the sweep's bodies for the latter create snapshots named like its bad keys
            emulator("POST", EMU + "/snapshots/{snapshot}/restore", null, null),
            emulator("POST", EMU + "/snapshots", "{\"name\":\"hostile\"}", null),
            emulator("POST", EMU + "/faults", "{\"method\":\"GET\",\"path\":\"/api/stageport/v1/audit-events\","
                    + "\"status\":429,\"times\":1,\"after\":1000000,\"probability\":0}", EMU + "/faults"),
            emulator("GET", EMU + "/faults", null, null),
            emulator("DELETE", EMU + "/faults/{fault}", null, EMU + "/faults"),
            emulator("DELETE", EMU + "/faults", null, EMU + "/faults"),
            emulator("GET", EMU + "/clock", null, null),
            emulator("POST", EMU + "/clock", "{\"advance\":\"PT0S\"}", null),
            emulator("GET", EMU + "/requests", null, null),
            emulator("DELETE", EMU + "/requests", null, null));

    /**
     * Handlers of the server that are not in {@link #ALL}, by "METHOD path" as Spring maps them
     * ("ANY" when the handler takes every method), each with the reason.
     */
    public static final Map<String, String> EXEMPT = Map.of(
            "ANY /error", "the servlet container's error page: it answers what other requests failed with; "
                    + "HostileInputSweepTest.theErrorPageIsAProblemDetailsNotFound covers it",
            "GET /", "the root page: anonymous links to the documents, no data; SelfDescriptionTest covers it",
            "GET /api/stageport/v1/openapi.json", "the public description of Stageport's own API, generated by "
                    + "springdoc; SelfDescriptionTest checks it against the handler mappings",
            "GET /api/stageport/v1/openapi.json.yaml", "the same description as YAML, generated by springdoc",
            "GET /api/stageport/v1/openapi.json/swagger-config", "springdoc's settings for the browsable page",
            "GET /api/stageport/v1/docs", "redirect to the browsable API page served from the jar; "
                    + "SelfDescriptionTest covers it",
            "PUT /api/asset-repository/v1/uploads/{uploadToken}", "a signed upload URL: no bearer token and no "
                    + "permission (its token is the credential) and bodies up to the bundle limit, so neither "
                    + "the sweep's 401 and 413 checks nor the matrix apply; BundleUploadTest covers it "
                    + "(unknownUploadUrlThen404AndNonUploadUrlThen400)");

    /**
     * The web console's pages and forms (docs/console.md). They answer a session cookie, never a bearer
     * token, so the sweep's and the matrix's token-based checks do not apply; ConsoleSignInTest,
     * ConsolePagesTest, ConsoleApprovalsTest, ConsoleConfigEditTest, ConsoleIdentitiesTest, ConsoleDeployDialogTest,
     * ConsoleLiveEventsTest and ConsoleBrowserTest cover sign-in, CSRF, escaping, 404 pages, per-stage visibility and refused actions.
     */
    public static final List<String> CONSOLE = List.of(
            "GET /console", "GET /console/", "GET /console/login", "ANY /console/denied",
            "GET /console/assets/{assetKey}", "GET /console/assets/{assetKey}/configuration/{environmentKey}",
            "GET /console/assets/{assetKey}/compare", "GET /console/assets/{assetKey}/deploy",
            "POST /console/assets/{assetKey}/deploy",
            "POST /console/assets/{assetKey}/apply-configs", "GET /console/operations",
            "GET /console/operations/{operationKey}", "GET /console/operations/{operationKey}/live",
            "GET /console/operations/{operationKey}/events",
            "POST /console/operations/{operationKey}/cancel", "GET /console/audit", "GET /console/identities",
            "GET /console/approvals", "POST /console/approvals/{approvalKey}/approve",
            "POST /console/approvals/{approvalKey}/reject",
            "POST /console/assets/{assetKey}/configuration/{environmentKey}",
            "POST /console/identities/api-clients", "POST /console/identities/console-users",
            "POST /console/identities/api-clients/{clientId}/status",
            "POST /console/identities/console-users/{username}/status",
            "GET /console/identities/api-clients/{clientId}", "POST /console/identities/api-clients/{clientId}/permissions",
            "GET /console/identities/console-users/{username}",
            "POST /console/identities/console-users/{username}/permissions");

    /** Endpoints the spec lets either of two permissions call, by "METHOD path". */
    private static final Map<String, Set<Permission>> ALTERNATIVES = Map.of(
            "PATCH " + ASSETS + "/{app}/revisions/{rev}", Set.of(Permission.RELEASE),
            "POST /api/asset-repository/v1/uploads", Set.of(Permission.ASSET_CHANGE),
            "GET " + DM + "/deployment-analyses/{analysis}", Set.of(Permission.STAGE_VIEW));

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

    private static Endpoint emulator(String method, String path, String body, String readBack) {
        return new Endpoint(method, path, body, Permission.EMULATOR_CONTROL, Scope.TENANT, readBack);
    }

    private static Endpoint tenant(String method, String path, String body, String readBack) {
        return new Endpoint(method, path, body, Permission.MANAGE_API_CLIENTS, Scope.TENANT, readBack);
    }
}
