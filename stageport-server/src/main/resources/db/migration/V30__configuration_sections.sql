-- Stage-wide defaults of system configurations (LogLevel, ...): every app in the
-- stage inherits them unless it overrides the value for itself in config_value.
create table config_stage_default (
    env_key      varchar(36)  not null,
    item_key     varchar(100) not null,
    value_text   varchar(20000),
    updated_at   timestamp with time zone not null,
    updated_by   varchar(200),
    primary key (env_key, item_key)
);
