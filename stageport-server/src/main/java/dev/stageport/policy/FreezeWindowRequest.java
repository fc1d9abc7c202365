package dev.stageport.policy;

/**
 * Body of POST /environments/{environmentKey}/freeze-windows: a one-off window
 * ({@code start}, {@code end}, RFC 3339) or a recurring one ({@code cron}, {@code durationMinutes},
 * {@code timeZone}).
 */
public record FreezeWindowRequest(String name, String start, String end, String cron, Integer durationMinutes,
                                  String timeZone) {
}
