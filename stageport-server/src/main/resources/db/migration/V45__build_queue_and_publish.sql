-- Builds become a work queue, like deployment operations: a worker claims a
-- Pending build with a conditional UPDATE (claimed_by, lease, version) and keeps
-- the lease alive with heartbeats while it packages the artifact.
alter table build add column claimed_by varchar(100);
alter table build add column lease_expires_at timestamp with time zone;
alter table build add column attempts integer default 0 not null;
alter table build add column version bigint default 0 not null;
alter table build add column current_step varchar(40);
-- asset:revision:type while the build is not failed: the unique index lets only one
-- Pending/Running/Finished build exist per revision and type, even across replicas.
alter table build add column active_slot varchar(120);
create unique index build_one_active on build (active_slot);
create index build_by_status on build (status, lease_expires_at);

-- A publish operation: build a Release build when none exists, then deploy it.
-- phase is its own state machine (Building -> Deploying -> Finished / FinishedWithError);
-- status is what the API shows (Running while Building or Deploying), kept in the same
-- row write so the list can filter and sort on the same columns as deployment operations.
create table publish_operation (
    op_key          varchar(36)  primary key,
    asset_key       varchar(36)  not null,
    asset_name      varchar(200),
    revision        integer      not null,
    env_key         varchar(36)  not null,
    portfolio_key   varchar(36),
    phase           varchar(20)  not null,
    status          varchar(20)  not null,
    updated_at      timestamp with time zone not null,
    build_key       varchar(36),
    deployment_key  varchar(36),
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    deployed_by     varchar(200),
    version         bigint       not null
);
create index publish_operation_by_phase on publish_operation (phase);
create index publish_operation_by_created on publish_operation (started_at);

create table publish_message (
    op_key      varchar(36) not null references publish_operation (op_key) on delete cascade,
    seq         integer     not null,
    created_at  timestamp with time zone not null,
    msg_type    varchar(60),
    severity    varchar(20) not null,
    message     varchar(4000),
    step_id     varchar(60),
    asset_key   varchar(36),
    primary key (op_key, seq)
);
