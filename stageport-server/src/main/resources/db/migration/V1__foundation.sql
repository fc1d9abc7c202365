-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL: varchar keys, bytea for
-- binary, timestamp with time zone everywhere, JSON kept as text.

create table api_client (
    client_id          varchar(100) primary key,
    name               varchar(200) not null,
    description        varchar(1000),
    secret_hash        varchar(300) not null,
    secret_expires_at  timestamp with time zone not null,
    status             varchar(20)  not null,
    created_at         timestamp with time zone not null
);

-- environment_key '*' grants the permission on every stage, present and future.
create table api_client_permission (
    client_id        varchar(100) not null references api_client (client_id) on delete cascade,
    permission       varchar(40)  not null,
    environment_key  varchar(36)  not null,
    primary key (client_id, permission, environment_key)
);

-- Token signing keys, encrypted under the master key so that every replica signs
-- and verifies with the same key and tokens survive restarts.
create table signing_key (
    key_id          varchar(64) primary key,
    encrypted_jwk   bytea       not null,
    created_at      timestamp with time zone not null
);

create table environment (
    env_key          varchar(36)  primary key,
    name             varchar(200) not null,
    purpose          varchar(20)  not null,
    sort_order       integer      not null,
    hostname         varchar(255),
    region           varchar(100),
    hosting          varchar(100),
    runtime_driver   varchar(40)  not null,
    runtime_settings varchar(4000) not null,
    created_at       timestamp with time zone not null
);

create table asset (
    asset_key     varchar(36)  primary key,
    name          varchar(200) not null,
    description   varchar(2000),
    asset_type    varchar(40)  not null,
    portfolio_key varchar(36),
    is_external   boolean      not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(200)
);

create table asset_revision (
    asset_key       varchar(36)  not null references asset (asset_key) on delete cascade,
    revision        integer      not null,
    name            varchar(200) not null,
    description     varchar(2000),
    tag             varchar(100),
    tagged_by       varchar(200),
    tagged_at       timestamp with time zone,
    commit_message  varchar(2000),
    release_notes   varchar(20000),
    model_digest    varchar(100),
    config_schema   varchar(100000) not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(200),
    primary key (asset_key, revision)
);

create table build (
    build_key        varchar(36) primary key,
    asset_key        varchar(36) not null references asset (asset_key) on delete cascade,
    asset_revision   integer     not null,
    build_type       varchar(20) not null,
    status           varchar(20) not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    built_by         varchar(200),
    artifact_digest  varchar(100)
);
create index build_by_asset on build (asset_key, asset_revision, build_type);

create table build_message (
    build_key   varchar(36) not null references build (build_key) on delete cascade,
    seq         integer     not null,
    created_at  timestamp with time zone not null,
    msg_type    varchar(60),
    severity    varchar(20),
    message     varchar(4000),
    step_id     varchar(60),
    error_code  varchar(60),
    primary key (build_key, seq)
);

-- A value set for an asset in a stage. applied = false while it is pending
-- (set after the last Deploy / ApplyConfigs). Secret values are stored encrypted.
create table config_value (
    env_key      varchar(36)  not null,
    asset_key    varchar(36)  not null,
    item_path    varchar(300) not null,
    value_text   varchar(20000),
    encrypted    boolean      not null,
    filename     varchar(500),
    applied      boolean      not null,
    version      bigint       not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(200),
    primary key (env_key, asset_key, item_path)
);

-- What runs in each stage now.
create table deployed_asset (
    env_key          varchar(36) not null,
    asset_key        varchar(36) not null,
    revision         integer     not null,
    build_key        varchar(36) not null,
    deployment_key   varchar(36) not null,
    deployed_at      timestamp with time zone not null,
    deployed_by      varchar(200),
    config_snapshot  varchar(100000) not null,
    primary key (env_key, asset_key)
);

-- Deployment operations are also the work queue: a worker claims a Running
-- operation with a conditional UPDATE (claimed_by, lease) and keeps the lease
-- alive with heartbeats. Every status write checks the expected version.
create table deployment_operation (
    op_key           varchar(36)  primary key,
    operation        varchar(20)  not null,
    asset_key        varchar(36)  not null,
    asset_name       varchar(200),
    revision         integer,
    build_key        varchar(36),
    env_key          varchar(36)  not null,
    portfolio_key    varchar(36),
    status           varchar(20)  not null,
    started_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    updated_at       timestamp with time zone not null,
    deployed_by      varchar(200),
    current_step     varchar(40),
    applied_config   varchar(100000),
    claimed_by       varchar(100),
    lease_expires_at timestamp with time zone,
    attempts         integer      not null,
    version          bigint       not null,
    -- non-null only while Running: the unique index below allows one active
    -- operation per asset and stage, enforced by the database itself.
    active_target    varchar(80)
);
create unique index deployment_operation_one_active on deployment_operation (active_target);
create index deployment_operation_by_created on deployment_operation (started_at);
create index deployment_operation_by_status on deployment_operation (status, lease_expires_at);
create index deployment_operation_by_asset on deployment_operation (asset_key, env_key);

create table operation_message (
    op_key      varchar(36) not null references deployment_operation (op_key) on delete cascade,
    seq         integer     not null,
    created_at  timestamp with time zone not null,
    msg_type    varchar(60),
    severity    varchar(20) not null,
    message     varchar(4000),
    step_id     varchar(60),
    asset_key   varchar(36),
    primary key (op_key, seq)
);

-- Simulated runtime behaviour per stage (asset_key '*') or per asset in a stage.
create table runtime_simulation (
    env_key        varchar(36)  not null,
    asset_key      varchar(36)  not null,
    step_millis    integer      not null,
    fail_step      varchar(40),
    fail_message   varchar(1000),
    updated_at     timestamp with time zone not null,
    primary key (env_key, asset_key)
);
