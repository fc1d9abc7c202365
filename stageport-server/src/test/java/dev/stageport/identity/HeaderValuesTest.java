package dev.stageport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    // the expressions StrictHttpFirewall uses by default
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void acceptsExactlyWhatTheFirewallExpressionsAcceptForEveryCodePoint() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String one = new String(Character.toChars(c));
            assertThat(HeaderValues.VALUES.test(one)).as("value U+%04X", c).isEqualTo(VALUE.matcher(one).matches());
            assertThat(HeaderValues.NAMES.test(one)).as("name U+%04X", c).isEqualTo(NAME.matcher(one).matches());
        }
    }

    @Test
    void bearerHeaderWithControlCharacterInTheMiddleThenRefused() {
        assertThat(HeaderValues.VALUES.test("Bearer abc.def")).isTrue();
        assertThat(HeaderValues.VALUES.test("Bearer abc\u0000def")).isFalse();
        assertThat(HeaderValues.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderValues.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderValues.VALUES.test("\ud800")).isEqualTo(VALUE.matcher("\ud800").matches());
    }
}
