package dev.stageport.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself: a drift from the official documents must fail, a conforming answer must pass. */
class OdcContractTest {

    private static final URI ENVIRONMENTS = URI.create("http://localhost/api/portfolios/v1/environments");
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM =
            Map.of("Content-Type", List.of("application/problem+json"));
    private static final String ENVIRONMENT = """
            {"key":"d0000000-0000-4000-8000-000000000002","name":"QA","hostname":"qa.local","purpose":"NonProduction",\
            "order":1,"region":"local","hosting":"selfhosted","isConfigured":true,"isDeployedToCluster":true""";

    @Test
    void conformingAnswerPasses() {
        assertThatCode(() -> OdcContract.verify("GET", ENVIRONMENTS, 200, JSON,
                "{\"results\":[" + ENVIRONMENT + "}]}")).doesNotThrowAnyException();
    }

    @Test
    void fieldTheSchemaDoesNotHaveFails() {
        assertThatThrownBy(() -> OdcContract.verify("GET", ENVIRONMENTS, 200, JSON,
                "{\"results\":[" + ENVIRONMENT + ",\"color\":\"blue\"}]}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("color");
    }

    @Test
    void nullInANonNullableFieldFails() {
        assertThatThrownBy(() -> OdcContract.verify("GET", ENVIRONMENTS, 200, JSON,
                "{\"results\":[" + ENVIRONMENT.replace("\"order\":1", "\"order\":null") + "}]}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("order");
    }

    @Test
    void statusTheOperationDoesNotDocumentFailsUnlessItIsAProblem() {
        URI deployments = URI.create("http://localhost/api/deployments/v1/deployment-operations");
        assertThatThrownBy(() -> OdcContract.verify("POST", deployments, 202, JSON, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("202");
        assertThatCode(() -> OdcContract.verify("POST", deployments, 403, PROBLEM, """
                {"title":"Forbidden","status":403,"detail":"no","traceId":"t","errorCode":"Forbidden"}"""))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OdcContract.verify("POST", deployments, 403, PROBLEM, "{\"status\":\"403\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void schemasThatDoNotCloseThemselvesAcceptMoreFields() {
        URI assets = URI.create("http://localhost/api/asset-repository/v1/assets");
        assertThatCode(() -> OdcContract.verify("POST", assets, 400, PROBLEM, """
                {"title":"Bad Request","status":400,"detail":"no","traceId":"t","errorCode":"E","errors":["a"]}"""))
                .doesNotThrowAnyException();
    }

    @Test
    void pathsOutsideTheDocumentsAreNotChecked() {
        assertThatCode(() -> OdcContract.verify("GET", URI.create("http://localhost/api/stageport/v1/audit"), 200,
                JSON, "{\"anything\":true}")).doesNotThrowAnyException();
    }

    @Test
    void missingDocumentsFailWithOneClearMessage() {
        assertThatThrownBy(() -> OdcDocuments.locate(Path.of("/")))
                .hasMessageContaining("official ODC OpenAPI documents are missing")
                .hasMessageContaining(OdcDocuments.FOLDER);
    }
}
