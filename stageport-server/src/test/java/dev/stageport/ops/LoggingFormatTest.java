package dev.stageport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.LogFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** STAGEPORT_LOG_FORMAT picks Boot's structured console format; unset keeps the readable pattern. */
class LoggingFormatTest {

    private static String consoleFormat(MockEnvironment environment) {
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.structured.format.console");
    }

    @Test
    void jsonMeansElasticCommonSchemaLines() {
        assertThat(consoleFormat(new MockEnvironment().withProperty("stageport.log-format", "json")))
                .isEqualTo("ecs");
    }

    @Test
    void logstashIsPassedThrough() {
        assertThat(consoleFormat(new MockEnvironment().withProperty("stageport.log-format", "LOGSTASH")))
                .isEqualTo("logstash");
    }

    @Test
    void unsetOrTextKeepsTheHumanReadablePattern() {
        assertThat(consoleFormat(new MockEnvironment())).isNull();
        assertThat(consoleFormat(new MockEnvironment().withProperty("stageport.log-format", "text"))).isNull();
    }

    @Test
    void anExplicitBootSettingWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("stageport.log-format", "json")
                .withProperty("logging.structured.format.console", "logstash");
        assertThat(consoleFormat(environment)).isEqualTo("logstash");
    }
}
