package dev.stageport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class JsonTreesTest {

    @Test
    void readsTheSameTreeAsTheMappersReadTree() {
        String text = """
                {"key": "a1", "n": 7, "big": 12345678901, "huge": 123456789012345678901234567890,
                 "ratio": 0.25, "yes": true, "no": false, "nothing": null, "revisions": [1, 2],
                 "nested": {"list": [{"x": "y"}, [], {}], "empty": ""}, "same": 1, "same": 2}""";

        assertThat(JsonTrees.read(text)).isEqualTo(OdcClient.json().readTree(text));
        assertThat(JsonTrees.read(text).path("big").isLong()).isTrue();
        assertThat(JsonTrees.read(text).path("same").asInt()).isEqualTo(2);
    }

    @Test
    void readsAScalarOrAnArrayAtTheTop() {
        assertThat(JsonTrees.read("[1, \"two\"]")).isEqualTo(OdcClient.json().readTree("[1, \"two\"]"));
        assertThat(JsonTrees.read(" \"text\" ").asString()).isEqualTo("text");
        assertThat(JsonTrees.read("null").isNull()).isTrue();
    }

    @Test
    void malformedTextOrTextAfterTheValueIsRefused() {
        assertThatThrownBy(() -> JsonTrees.read("{\"a\": ")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JsonTrees.read("{} {}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JsonTrees.read("<html>")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JsonTrees.read("   ")).isInstanceOf(JacksonException.class);
    }
}
