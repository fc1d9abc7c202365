package dev.stageport.configschema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain unit test of the per-DataType value rules (no server needed). */
class ConfigurationValueRulesTest {

    @ParameterizedTest(name = "{0} accepts ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "Text|anything at all", "Text|''",
        "Integer|42", "Integer|-2147483648",
        "LongInteger|9223372036854775807",
        "Decimal|12.5", "Decimal|-3", "Currency|19.99",
        "Boolean|True", "Boolean|false", "Boolean|TRUE",
        "DateTime|2024-05-01T13:45:00Z", "DateTime|2024-05-01T13:45:00+02:00", "DateTime|2024-05-01 13:45:00",
        "Date|2024-02-29", "Time|23:59:59",
        "PhoneNumber|+351 21 000 0000", "Email|ops@example.com", "EntityIdentifierType|abc-1",
    })
    void valueOfTheRightTypeIsAccepted(DataType type, String value) {
        assertThat(ValueRules.problem(type, value, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} refuses ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "Integer|abc", "Integer|2147483648", "Integer|1.5", "Integer|''",
        "LongInteger|9223372036854775808", "Decimal|1,5", "Decimal|' 1'", "Currency|ten",
        "Boolean|maybe", "Boolean|1", "DateTime|yesterday", "DateTime|2024-13-01T00:00:00Z",
        "Date|2023-02-29", "Date|01/02/2024", "Time|24:00:00", "Time|12:00",
        "PhoneNumber|call me", "Email|not-an-email", "Email|a@b", "EntityIdentifierType|'  '",
        "BinaryUrl|aGVsbG8=",
    })
    void valueOfTheWrongTypeIsRefused(DataType type, String value) {
        assertThat(ValueRules.problem(type, value, null)).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"aGVsbG8=|logo.png"})
    void binaryUrlNeedsAFilename(String value, String filename) {
        assertThat(ValueRules.problem(DataType.BinaryUrl, value, filename)).isEmpty();
        assertThat(ValueRules.problem(DataType.BinaryUrl, "", filename)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"Text", "Integer"})
    void nullIsRefusedForEveryType(DataType type) {
        assertThat(ValueRules.problem(type, null, null)).isPresent();
    }
}
