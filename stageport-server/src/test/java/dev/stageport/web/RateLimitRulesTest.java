package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitRulesTest {

    private final RateLimitRules rules = new RateLimitRules(true, 100, 10);

    @Test
    void getsCountAgainstTheirDomainOnly() {
        assertThat(rules.bucketsFor("GET", "/api/deployments/v1/deployment-operations/"
                + "d0000000-0000-4000-8000-000000000001"))
                .containsExactly(new RateLimitRules.Bucket("deployments", 100));
    }

    @Test
    void postsOnBuildsAndDeploymentsAlsoCountPerEndpointWithKeysNormalised() {
        assertThat(rules.bucketsFor("POST", "/api/builds/v1/build-operations/"
                + "b0000000-0000-4000-8000-000000000001/generated-code"))
                .containsExactly(new RateLimitRules.Bucket("POST /api/builds/v1/build-operations/{key}/generated-code",
                        10), new RateLimitRules.Bucket("builds", 100));
        assertThat(rules.bucketsFor("POST", "/api/asset-repository/v1/assets")).hasSize(2);
        assertThat(rules.bucketsFor("POST", "/api/asset-repository/v1/uploads")).hasSize(1);
    }

    @Test
    void stageportOwnPathsAndNonApiPathsAreNotLimitedAndOffMeansOff() {
        assertThat(rules.bucketsFor("GET", "/api/stageport/v1/api-clients")).isEmpty();
        assertThat(rules.bucketsFor("POST", "/identity/oauth2/token")).isEmpty();
        assertThat(new RateLimitRules(false, 1, 1).bucketsFor("GET", "/api/builds/v1/build-operations")).isEmpty();
    }
}
