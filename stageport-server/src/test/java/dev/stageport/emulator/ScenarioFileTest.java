package dev.stageport.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stageport.startup.StartupProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A scenario seed is checked before anything is stored; every problem is one line with the file, line and field. */
class ScenarioFileTest {

    private static final String STAGE_A = "5e000000-0000-4000-8000-00000000000a";
    private static final String STAGE_B = "5e000000-0000-4000-8000-00000000000b";

    private final Path dir = Path.of("target", "test-data", "seeds-" + UUID.randomUUID());

    private Scenario read(String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Scenario.of(ScenarioFile.read(Files.writeString(dir.resolve(name), text)));
    }

    private String problem(String name, String text) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(name, text));
        assertThat(thrown).isInstanceOf(StartupProblem.class);
        assertThat(thrown.getMessage()).startsWith("seed " + dir.resolve(name) + " line ").doesNotContain("\n");
        return thrown.getMessage();
    }

    @Test
    void aValidYamlScenarioReadsEverySection() throws IOException {
        Scenario scenario = read("ok.yaml", """
                stages:
                  - {key: %s, name: QA, purpose: NonProduction, order: 1}
                clients:
                  - {id: ci, secret: ci-secret-0123456789, permissions: [{permission: AppDeploy, stages: [%s]}]}
                faults:
                  - {method: POST, path: /api/deployments/v1/deployment-operations, status: 429}
                """.formatted(STAGE_A, STAGE_A));
        assertThat(scenario.stages()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("QA"));
        assertThat(scenario.clients().get(0).grants()).containsKey(dev.stageport.identity.Permission.DEPLOY_APPS);
        assertThat(scenario.faults()).singleElement().asString().contains("\"status\":429");
        assertThat(scenario.tokensSurviveReset()).as("tokens survive a reset unless the seed says not").isTrue();
    }

    @Test
    void aSeedCanSayThatTokensDoNotSurviveAReset() throws IOException {
        Scenario scenario = read("tokens.yaml", """
                tokensSurviveReset: false
                stages:
                  - {key: %s, name: QA}
                """.formatted(STAGE_A));
        assertThat(scenario.tokensSurviveReset()).isFalse();
        assertThat(problem("tokens-bad.yaml", "tokensSurviveReset: sometimes\nstages: [{key: " + STAGE_A
                + ", name: QA}]\n")).contains("tokensSurviveReset");
    }

    @Test
    void aJsonScenarioIsReadByItsName() throws IOException {
        Scenario scenario = read("ok.json", "{\"stages\":[{\"key\":\"" + STAGE_A + "\",\"name\":\"Dev\"}]}");
        assertThat(scenario.stages()).hasSize(1);
    }

    @Test
    void aKeyGivenTwiceNamesTheFieldAndTheLineOfTheSecond() {
        String line = problem("twice.yaml", """
                stages:
                  - key: %s
                    name: QA
                  - key: %s
                    name: Production
                """.formatted(STAGE_A, STAGE_A));
        assertThat(line).contains("line 4:", "stages[1].key", "given twice");
    }

    @Test
    void aClientIdOrAStageOrderGivenTwiceIsRefusedToo() {
        assertThat(problem("clients.yaml", """
                stages: [{key: %s, name: QA}]
                clients:
                  - {id: ci, secret: ci-secret-0123456789}
                  - {id: ci, secret: ci-secret-0123456789}
                """.formatted(STAGE_A))).contains("line 4:", "clients[1].id", "'ci' is given twice");
        assertThat(problem("order.yaml", """
                stages:
                  - {key: %s, name: QA, order: 1}
                  - {key: %s, name: Production, order: 1}
                """.formatted(STAGE_A, STAGE_B))).contains("line 3:", "stages[1].order", "given twice");
    }

    @Test
    void aFieldGivenTwiceInOneMappingIsRefused() {
        assertThat(problem("field.yaml", """
                stages:
                  - key: %s
                    name: QA
                    name: Production
                """.formatted(STAGE_A))).contains("line 4:", "stages[0].name is given twice");
    }

    @Test
    void anUnknownFieldOrValueNamesItsLine() {
        assertThat(problem("unknown.yaml", """
                stages:
                  - key: %s
                    name: QA
                    colour: blue
                """.formatted(STAGE_A))).contains("line 4:", "stages[0].colour", "unknown field 'colour'");
        assertThat(problem("purpose.yaml", """
                stages:
                  - key: %s
                    name: QA
                    purpose: Staging
                """.formatted(STAGE_A))).contains("line 4:", "stages[0].purpose", "'Staging' is not one of");
        assertThat(problem("permission.yaml", """
                stages: [{key: %s, name: QA}]
                clients:
                  - id: ci
                    secret: ci-secret-0123456789
                    permissions:
                      - permission: Everything
                """.formatted(STAGE_A))).contains("line 6:", "permissions[0].permission", "'Everything'");
    }

    @Test
    void aBuildOfARevisionOrAGrantOnAStageTheSeedLacksIsRefusedBeforeAnythingIsStored() {
        assertThat(problem("build.yaml", """
                stages: [{key: %s, name: QA}]
                assets:
                  - key: 5a000000-0000-4000-8000-00000000000a
                    revisions: [{settings: []}]
                builds:
                  - key: 5b000000-0000-4000-8000-00000000000a
                    asset: 5a000000-0000-4000-8000-00000000000a
                    revision: 2
                """.formatted(STAGE_A))).contains("line 8:", "builds[0].revision", "no revision 2");
        assertThat(problem("grant.yaml", """
                stages: [{key: %s, name: QA}]
                clients:
                  - id: ci
                    secret: ci-secret-0123456789
                    permissions: [{permission: AppDeploy, stages: [%s]}]
                """.formatted(STAGE_A, STAGE_B))).contains("line 5:", "clients[0].permissions[0].stages",
                "not a stage of the seed");
    }

    @Test
    void brokenYamlAndAMissingFileAreOneLineToo() {
        assertThat(problem("broken.yaml", "stages:\n  - key: [unclosed\n")).contains("line ");
        assertThatThrownBy(() -> ScenarioFile.read(dir.resolve("missing.yaml")))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("missing.yaml", "cannot be read");
        assertThat(problem("empty.yaml", "stages: []\n")).contains("stages", "at least one stage");
    }
}
