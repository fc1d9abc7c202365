package dev.stageport.emulator;

/** The virtual clock: its time, the time it started at, and how far it is from the real time (ISO-8601). */
public record ClockResponse(String now, String startedAt, String offset) {

    static ClockResponse of(ClockService.ClockState state) {
        return new ClockResponse(state.now().toString(), state.startedAt().toString(), state.offset().toString());
    }
}
