package dev.stageport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FollowersSectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRunThatStoppedAddingFollowersSaysHowManyItHeldAndWhy() {
        String md = render(run(Map.of("streamsSent", 4500, "longPollsSent", 4500,
                "stoppedAdding", "stopped adding followers after 9000 (4500 streams, 4500 long polls): "
                        + "an ordinary request took 6200 ms")));

        assertThat(md).contains("| followers connected (streams + long polls) | 9000 / 9000 / 9000 | 10000 | **misses** |")
                .contains("**Server stopped answering**: stopped adding followers after 9000")
                .contains("the figures above are those of the followers it held")
                .contains("| server RSS at peak (MB) | 500 / 500 / 500 | ≤ 700 | not measured at 10000 |");
    }

    @Test
    void aRunThatConnectedEveryFollowerMeetsTheConnectedRow() {
        String md = render(run(Map.of("streamsSent", 5000, "longPollsSent", 5000, "stoppedAdding", "")));

        assertThat(md).contains("| followers connected (streams + long polls) | 10000 / 10000 / 10000 | 10000 | meets |")
                .doesNotContain("Server stopped answering");
    }

    @Test
    void theSectionNamesTheHeapTheServerRanWith() {
        assertThat(render(run(Map.of("serverMaxHeap", "-Xmx640m")))).contains("(java, `-Xmx640m`)");
        assertThat(render(run(Map.of()))).as("older results: bench/run's own").contains("(java, `-Xmx512m`)");
    }

    @Test
    void anOlderResultWithoutSentCountsHadSentEveryFollower() {
        String md = render(run(Map.of()));

        assertThat(md).contains("| followers connected (streams + long polls) | 10000 / 10000 / 10000 | 10000 | meets |");
    }

    private static String render(JsonNode run) {
        StringBuilder md = new StringBuilder();
        FollowersSection.write(md, List.of(run));
        return md.toString();
    }

    private static JsonNode run(Map<String, Object> extra) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(Map.of("streams", 5000, "longPolls", 5000,
                "operations", 334, "peakRssMb", 500, "serverJava", "java", "problem", "", "loadAverage", "1.0",
                "eventStream", Map.of("count", 0), "longPoll", Map.of("count", 0)));
        fields.putAll(extra);
        return JSON.valueToTree(fields);
    }
}
