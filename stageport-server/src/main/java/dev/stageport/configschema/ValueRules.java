package dev.stageport.configschema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a value must look like for each {@link DataType}. Used when a value is set
 * (PATCH, against the baseline revision) and again when it is applied (against the
 * revision being deployed), so both checks can never drift apart.
 */
public final class ValueRules {

    /** Leaves room for encryption and base64 growth inside config_value.value_text (20000). */
    static final int MAX_VALUE_LENGTH = 10_000;
    public static final int MAX_FILENAME_LENGTH = 500;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ValueRules() {
    }

    /**
     * Empty when {@code value} fits {@code type}; otherwise what the type expects,
     * phrased to follow "expects ". Never echoes the value (it may be a secret).
     */
    public static Optional<String> problem(DataType type, String value, String filename) {
        if (value == null) {
            return Optional.of("a value (null is not accepted; send the default value to go back to it)");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return Optional.of("a value of at most " + MAX_VALUE_LENGTH + " characters");
        }
        boolean ok = switch (type) {
            case Text -> true;
            case Integer -> parses(() -> java.lang.Integer.parseInt(value));
            case LongInteger -> parses(() -> Long.parseLong(value));
            case Decimal, Currency -> isDecimal(value);
            case Boolean -> value.equalsIgnoreCase("True") || value.equalsIgnoreCase("False");
            case DateTime -> isDateTime(value);
            case Date -> parses(() -> LocalDate.parse(value, DATE));
            case Time -> parses(() -> LocalTime.parse(value, TIME));
            case PhoneNumber -> PHONE.matcher(value).matches() && value.chars().filter(Character::isDigit).count() >= 3;
            case Email -> EMAIL.matcher(value).matches();
            case EntityIdentifierType -> !value.isBlank();
            case BinaryUrl -> !value.isEmpty() && filename != null && !filename.isBlank()
                    && filename.length() <= MAX_FILENAME_LENGTH;
        };
        return ok ? Optional.empty() : Optional.of(expectation(type));
    }

    static String expectation(DataType type) {
        return switch (type) {
            case Text -> "any text";
            case Integer -> "an Integer (a whole number from -2147483648 to 2147483647)";
            case LongInteger -> "a LongInteger (a 64-bit whole number)";
            case Decimal -> "a Decimal (a number such as 12.5)";
            case Currency -> "a Currency amount (a decimal number such as 12.50)";
            case Boolean -> "a Boolean (True or False)";
            case DateTime -> "a DateTime (RFC 3339, such as 2024-05-01T13:45:00Z)";
            case Date -> "a Date (yyyy-MM-dd)";
            case Time -> "a Time (HH:mm:ss)";
            case PhoneNumber -> "a PhoneNumber (digits, spaces, + ( ) . -)";
            case Email -> "an Email address (name@domain.tld)";
            case EntityIdentifierType -> "an EntityIdentifierType (a non-empty identifier)";
            case BinaryUrl -> "a BinaryUrl (a non-empty value and a 'filename' of at most "
                    + MAX_FILENAME_LENGTH + " characters)";
        };
    }

    /** True/False in the canonical casing ODC uses, so stored Booleans compare equal. */
    public static String canonical(DataType type, String value) {
        if (type == DataType.Boolean && value != null) {
            return value.equalsIgnoreCase("True") ? "True" : "False";
        }
        return value;
    }

    private static boolean isDecimal(String value) {
        if (value.isBlank() || !value.equals(value.strip())) {
            return false;
        }
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(String value) {
        String iso = value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) + 'T' + value.substring(11) : value;
        return parses(() -> OffsetDateTime.parse(iso)) || parses(() -> LocalDateTime.parse(iso));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
