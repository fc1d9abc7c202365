package dev.stageport.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The catalog cannot fall behind the server: every handler mapping of the running server is a row
 * of {@link EndpointCatalog#ALL} (so the hostile sweep and the authorization matrix call it) or is
 * exempted in {@link EndpointCatalog#EXEMPT} with a reason, and no row names a path the server lacks.
 */
@org.junit.jupiter.api.Tag(ServerTest.WEB_LAYER)
class EndpointCatalogCoverageTest extends ServerTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** "METHOD /path/{}" for every method and pattern Spring MVC routes to a controller. */
    private Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("ANY " + normal(pattern));
                }
                methods.forEach(m -> served.add(m.name() + " " + normal(pattern)));
            }
        }
        return served;
    }

    /** The endpoints this server has (with the emulator on, its own too). */
    protected java.util.List<EndpointCatalog.Endpoint> catalog() {
        return EndpointCatalog.ALL;
    }

    private Set<String> catalogued() {
        Set<String> rows = new TreeSet<>();
        catalog().forEach(e -> rows.add(e.method() + " " + normal(e.path())));
        return rows;
    }

    private static Set<String> exempt() {
        Set<String> exempt = new TreeSet<>();
        EndpointCatalog.EXEMPT.keySet().forEach(k -> exempt.add(normal(k)));
        EndpointCatalog.CONSOLE.forEach(k -> exempt.add(normal(k)));
        return exempt;
    }

    /** Path variables become {} and the query goes: the catalog's placeholders need not match Spring's names. */
    static String normal(String endpoint) {
        String path = endpoint.contains("?") ? endpoint.substring(0, endpoint.indexOf('?')) : endpoint;
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void everyHandlerOfTheServerIsInTheCatalogOrExemptedWithAReason() {
        Set<String> missing = new TreeSet<>(served());
        missing.removeAll(catalogued());
        missing.removeAll(exempt());
        assertThat(missing).as("handlers that neither EndpointCatalog.ALL nor EndpointCatalog.EXEMPT lists")
                .isEmpty();
        assertThat(EndpointCatalog.EXEMPT.values()).allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(20));
    }

    @Test
    void everyRowOfTheCatalogIsAnEndpointTheServerHas() {
        Set<String> stale = new TreeSet<>(catalogued());
        stale.addAll(exempt());
        stale.removeAll(served());
        assertThat(stale).as("catalog rows or exemptions without a handler").isEmpty();
    }

    @Test
    void theCoverageCheckSeesAHandlerMissingFromTheCatalog() {
        // the test would pass vacuously if it saw no handlers or normalised everything away
        Set<String> served = served();
        assertThat(served).contains("GET /api/portfolios/v1/environments", "ANY /error",
                "GET /api/asset-configurations/v1/environments/{}/applications/{}/revisions/{}/configurations");
        assertThat(catalogued()).doesNotContain("ANY /error");
    }
}
