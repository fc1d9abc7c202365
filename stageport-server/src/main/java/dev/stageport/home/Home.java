package dev.stageport.home;

import java.util.List;

/** What GET / answers: where a person or a client goes next. */
public record Home(String name, String description, List<Link> links) {

    public record Link(String rel, String href, String title) {
    }

    static Home of() {
        return new Home("Stageport", "Release management that speaks the ODC CI/CD REST APIs.", List.of(
                new Link("openid-configuration", "/identity/.well-known/openid-configuration",
                        "OpenID discovery: the token endpoint for client credentials"),
                new Link("stageport-openapi", "/api/stageport/v1/openapi.json",
                        "OpenAPI document of Stageport's own endpoints (/api/stageport/v1)"),
                new Link("stageport-api-docs", "/api/stageport/v1/docs", "The same, as a browsable page"),
                new Link("odc-apis", "/api/portfolios/v1/environments",
                        "The ODC APIs: portfolios, asset-repository, builds, asset-configurations, deployments, "
                                + "dependency-management, as in the official ODC OpenAPI documents"),
                new Link("health", "/actuator/health", "Health, with /liveness and /readiness groups")));
    }
}
