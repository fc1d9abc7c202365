-- Stage policy: rules the engine enforces per stage. One row per stage; a missing
-- row (or a null column) means "no rule", which behaves exactly like ODC.
create table stage_policy (
    env_key                varchar(36) primary key,
    max_operation_seconds  integer,
    updated_at             timestamp with time zone not null,
    updated_by             varchar(200)
);
