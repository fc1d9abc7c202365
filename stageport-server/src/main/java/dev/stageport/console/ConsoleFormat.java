package dev.stageport.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formatting for the templates ({@code ${@consoleFormat.time(x)}}): times in UTC, so a pasted link reads the same. */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The CSS class of an operation status. */
    public String status(Object status) {
        return status == null ? "" : "status-" + status.toString().toLowerCase();
    }
}
