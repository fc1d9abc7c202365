package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.support.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs on H2 and PostgreSQL: PostgreSQL cannot store a NUL in text, H2 can; both must answer 400. */
class NulCharactersTest extends ServerTest {

    private static final String CLIENTS = "/api/stageport/v1/api-clients";

    @Test
    void aNulInAStringOfATypedBodyIsA400NamingTheFieldAndNothingIsCreated() {
        String detail = api.post(CLIENTS, "{\"name\":\"nul-test\",\"description\":\"a\\u0000b\"}").problem(400)
                .get("detail").asString();
        assertThat(detail).contains("'description'").contains("NUL");
        assertThat(api.get(CLIENTS).body()).doesNotContain("nul-test");
    }

    @Test
    void aNulDeepInsideAListIsNamedByItsPath() {
        String body = "{\"name\":\"nul-deep\",\"permissions\":[{\"permission\":\"StageView\","
                + "\"environmentKey\":\"a\\u0000b\"}]}";
        assertThat(api.post(CLIENTS, body).problem(400).get("detail").asString())
                .contains("'permissions[0].environmentKey'");
    }

    @Test
    void anEscapedBackslashBeforeU0000IsOrdinaryTextAndAccepted() {
        // the JSON text \\u0000 is a backslash followed by "u0000", not a NUL
        assertThat(api.post(CLIENTS, "{\"name\":\"nul-literal\",\"description\":\"a\\\\u0000b\"}").status())
                .isEqualTo(201);
    }

    @Test
    void theSearchFindsNulsInRecordsTreesMapsAndOptionals() {
        record Inner(String text) {
        }
        record Outer(List<Inner> items, Map<String, Object> extra, Optional<String> note) {
        }
        assertThat(NulCharacters.where(new Outer(List.of(new Inner("ok"), new Inner("x\0")), Map.of(),
                Optional.empty()), "", 0)).contains("items[1].text");
        assertThat(NulCharacters.where(new Outer(List.of(), Map.of("k", "v\0"), Optional.empty()), "", 0))
                .contains("extra.k");
        assertThat(NulCharacters.where(new Outer(List.of(), Map.of(), Optional.of("\0")), "", 0)).contains("note");
        assertThat(NulCharacters.where(api.post(CLIENTS, "{}").json(), "", 0)).isEmpty();
        assertThat(NulCharacters.where(new Outer(List.of(new Inner("fine")), Map.of("k", 1), Optional.of("n")),
                "", 0)).isEmpty();
    }
}
