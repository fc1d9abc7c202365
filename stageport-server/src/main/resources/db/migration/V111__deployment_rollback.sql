-- A rollback is a Deploy that runs an earlier deployment's build with the configuration that
-- deployment applied (its snapshot), instead of the stage's current values.
create table deployment_rollback (
    op_key             varchar(36) primary key,
    to_op_key          varchar(36) not null,
    replaced_op_key    varchar(36),
    requested_by       varchar(200),
    requested_at       timestamp with time zone not null
);
