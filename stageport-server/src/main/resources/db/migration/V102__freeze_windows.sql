-- Freeze windows per stage: one-off (start_at/end_at) or recurring (cron, duration, time zone).
create table freeze_window (
    window_key        varchar(36) primary key,
    env_key           varchar(36) not null,
    name              varchar(200) not null,
    start_at          timestamp with time zone,
    end_at            timestamp with time zone,
    cron              varchar(200),
    duration_minutes  integer,
    time_zone         varchar(100),
    created_at        timestamp with time zone not null,
    created_by        varchar(200)
);
create index freeze_window_by_stage on freeze_window (env_key);
