package dev.stageport.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.demo.DemoData;
import dev.stageport.hostile.EndpointCatalog.Endpoint;
import dev.stageport.hostile.EndpointCatalog.Scope;
import dev.stageport.identity.Permission;
import dev.stageport.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every permission: a client holding only that permission, and
 * only on QA (and Development, the second stage of comparisons), calls the endpoint
 * once aimed at Production and once at QA. Aimed at Production it is refused (403,
 * or 404 where existence is hidden), never reads a Production key and never changes what the all-permission client reads back.
 * Aimed at QA it is let through exactly when it holds the permission the endpoint needs.
 */
class AuthorizationMatrixTest extends HostileSupport {

    /** By server port and permission: the emulator's matrix runs against a server of its own. */
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();

    static Stream<Endpoint> endpoints() {
        return EndpointCatalog.ALL.stream();
    }

    /** The endpoints of this server (the emulator's matrix adds its own). */
    protected List<Endpoint> catalog() {
        return EndpointCatalog.ALL;
    }

    /** Forgets this server's tokens (the emulator's matrix restores a snapshot, which removes their clients). */
    protected void forgetTokens() {
        synchronized (TOKENS) {
            TOKENS.keySet().removeIf(key -> key.startsWith(port + " "));
        }
    }

    /** Held on QA and on Development (the {peer} of endpoints that compare two stages), never on Production. */
    private String onlyOnQa(Permission permission) {
        synchronized (TOKENS) {
            return TOKENS.computeIfAbsent(port + " " + permission,
                    p -> clientWith(Map.of(permission, Set.of(DemoData.QA, DemoData.DEVELOPMENT))).token());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aClientReachesOnlyTheStagesAndEndpointsItsPermissionsAllow(Endpoint endpoint) {
        List<String> failures = new ArrayList<>();
        for (Permission permission : Permission.values()) {
            String token = onlyOnQa(permission);
            String who = permission.code() + " on QA and Development only";
            boolean holds = endpoint.allows(permission);

            Map<String, String> production = keys(DemoData.PRODUCTION);
            String before = readBack(endpoint, production);
            Api.Response r = call(token, endpoint, production);
            expect(failures, who + " aiming at Production", r, switch (endpoint.scope()) {
                case STAGE, TENANT -> Outcome.REFUSED;
                case LIST -> Outcome.LISTED;
                case ANY_STAGE -> holds ? Outcome.ALLOWED : Outcome.REFUSED;
            });
            if (leaks(endpoint, production, r)) {
                failures.add(who + ": the answer names Production data: " + abbreviate(r.body()));
            }
            String after = readBack(endpoint, production);
            if (before != null && !before.equals(after)) {
                failures.add(who + ": Production changed: " + abbreviate(before) + " -> " + abbreviate(after));
            }

            Api.Response qa = call(token, endpoint, keys(DemoData.QA));
            expect(failures, who + " aiming at QA", qa, switch (endpoint.scope()) {
                case STAGE, ANY_STAGE -> holds ? Outcome.ALLOWED : Outcome.REFUSED;
                case TENANT -> Outcome.REFUSED;
                case LIST -> Outcome.LISTED;
            });
            if (endpoint.scope() == Scope.LIST && qa.body().contains(DemoData.PRODUCTION)) {
                failures.add(who + ": the list shows Production: " + abbreviate(qa.body()));
            }
        }
        assertThat(failures).as("authorization of " + endpoint).isEmpty();
    }

    @Test
    void aStageViewerListsQaButNeverProduction() {
        String token = onlyOnQa(Permission.STAGE_VIEW);
        Api.Response environments = sendJson(token, "GET", "/api/portfolios/v2/environments", null);
        assertThat(environments.body()).contains(DemoData.QA).doesNotContain(DemoData.PRODUCTION);
        Api.Response deployed = sendJson(token, "GET", "/api/portfolios/v1/deployed-assets?key=" + fx().app().key(),
                null);
        assertThat(deployed.body()).contains(DemoData.QA).doesNotContain(DemoData.PRODUCTION);
        Api.Response operations = sendJson(token, "GET", OPS + "?assetKey=" + fx().app().key(), null);
        assertThat(operations.body()).contains(fx().opQa()).doesNotContain(fx().opProduction());
        Api.Response filtered = sendJson(token, "GET", OPS + "?environmentKey=" + DemoData.PRODUCTION, null);
        assertThat(filtered.json().get("results").size()).isZero();
    }

    @Test
    void tenantWideEndpointsAnswerAGrantOnEveryStage() {
        for (Endpoint endpoint : catalog()) {
            if (endpoint.scope() == Scope.TENANT) {
                String manager = clientWith(everywhere(endpoint.permission())).token();
                Map<String, String> keys = keys(DemoData.QA);
                keys.put("client", newClient());
                keys.put("sparewebhook", WebhookFixture.create(api, "freeze.overridden", DemoData.QA));
                keys.put("user", newConsoleUser());
                Api.Response r = call(manager, endpoint, keys);
                assertThat(r.status()).as("%s: %s", endpoint, r.body()).isBetween(200, 299);
            }
        }
    }

    private enum Outcome { ALLOWED, REFUSED, LISTED }

    private static void expect(List<String> failures, String what, Api.Response r, Outcome outcome) {
        String verdict = verdict(r);
        boolean ok = switch (outcome) {
            case ALLOWED -> r.status() < 300 || r.status() == 409;
            case REFUSED -> r.status() == 403 || r.status() == 404;
            case LISTED -> r.status() == 200;
        };
        if (verdict != null || !ok) {
            failures.add(what + ": expected " + outcome + ", got " + r.status() + " " + abbreviate(r.body()));
        }
    }

    /** True when the answer names a Production key the request itself did not send (echoing it tells nothing). */
    private boolean leaks(Endpoint endpoint, Map<String, String> keys, Api.Response r) {
        String request = EndpointCatalog.fill(endpoint.path(), keys)
                + (endpoint.hasBody() ? EndpointCatalog.fill(endpoint.body(), keys) : "");
        return Stream.of(DemoData.PRODUCTION, fx().opProduction())
                .anyMatch(key -> r.body().contains(key) && !request.contains(key));
    }

    private Api.Response call(String token, Endpoint endpoint, Map<String, String> keys) {
        String body = endpoint.hasBody() ? EndpointCatalog.fill(endpoint.body(), keys) : null;
        return sendJson(token, endpoint.method(), EndpointCatalog.fill(endpoint.path(), keys), body);
    }

    private String readBack(Endpoint endpoint, Map<String, String> keys) {
        if (endpoint.readBack() == null) {
            return null;
        }
        Api.Response r = api.get(EndpointCatalog.fill(endpoint.readBack(), keys));
        return r.status() + " " + r.body();
    }
}
