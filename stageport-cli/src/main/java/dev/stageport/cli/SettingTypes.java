package dev.stageport.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The value types a pipeline file is checked against before anything is deployed,
 * so that "MaxItems: lots" stops the run before the first stage. The server checks
 * every value again when it is set; this only moves the common mistakes earlier.
 */
final class SettingTypes {

    private SettingTypes() {
    }

    /** What the type expects, or null when the value fits (or the type is one the server alone checks). */
    static String problem(String dataType, String value) {
        boolean fits = switch (dataType) {
            case "Integer" -> parses(() -> Integer.parseInt(value));
            case "LongInteger" -> parses(() -> Long.parseLong(value));
            case "Decimal", "Currency" -> parses(() -> new BigDecimal(value));
            case "Boolean" -> value.equalsIgnoreCase("True") || value.equalsIgnoreCase("False");
            case "Date" -> parses(() -> LocalDate.parse(value));
            case "Time" -> parses(() -> LocalTime.parse(value));
            case "DateTime" -> parses(() -> OffsetDateTime.parse(value.replace(' ', 'T')));
            default -> true;
        };
        return fits ? null : switch (dataType) {
            case "Boolean" -> "a Boolean (True or False)";
            case "Date" -> "a Date (yyyy-MM-dd)";
            case "Time" -> "a Time (HH:mm:ss)";
            case "DateTime" -> "a DateTime (RFC 3339, such as 2024-05-01T13:45:00Z)";
            default -> (dataType.startsWith("I") ? "an " : "a ") + dataType + " (a number)";
        };
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
