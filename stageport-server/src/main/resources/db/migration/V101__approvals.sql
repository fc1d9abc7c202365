-- One approval per Deploy to a stage whose policy requires approvals; its decisions, one per approver.
create table approval (
    approval_key        varchar(36) primary key,
    op_key              varchar(36) not null unique,
    env_key             varchar(36) not null,
    asset_key           varchar(36) not null,
    revision            integer,
    requested_by        varchar(200) not null,
    required_approvals  integer not null,
    approvers           varchar(4000),
    status              varchar(20) not null,
    requested_at        timestamp with time zone not null,
    expires_at          timestamp with time zone,
    decided_at          timestamp with time zone,
    announced           boolean not null
);
create index approval_by_status on approval (status, requested_at);

create table approval_decision (
    approval_key  varchar(36) not null,
    decided_by    varchar(200) not null,
    decision      varchar(20) not null,
    comment       varchar(2000),
    decided_at    timestamp with time zone not null,
    primary key (approval_key, decided_by)
);
