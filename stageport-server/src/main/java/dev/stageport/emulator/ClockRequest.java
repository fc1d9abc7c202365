package dev.stageport.emulator;

/** Move the virtual clock: by an ISO-8601 duration ({@code PT13H}) or to an RFC 3339 time; exactly one. */
public record ClockRequest(String advance, String set) {
}
