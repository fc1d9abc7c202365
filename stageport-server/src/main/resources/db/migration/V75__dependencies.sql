-- Public elements each asset revision offers, with their signature (JSON) and its two digests.
create table dependency_element (
    asset_key             varchar(36)   not null,
    revision              integer       not null,
    element_key           varchar(100)  not null,
    name                  varchar(200)  not null,
    element_type          varchar(40)   not null,
    description           varchar(2000),
    is_hidden             boolean       not null,
    signature             varchar(60000) not null,
    signature_digest      varchar(36)   not null,
    compatibility_digest  varchar(36)   not null,
    primary key (asset_key, revision, element_key),
    foreign key (asset_key, revision) references asset_revision (asset_key, revision) on delete cascade
);
create index dependency_element_by_type on dependency_element (element_type);

-- The producers one revision was built against: library references and assets whose elements it references.
create table dependency_producer (
    asset_key          varchar(36) not null,
    revision           integer     not null,
    producer_key       varchar(36) not null,
    producer_revision  integer     not null,
    primary key (asset_key, revision, producer_key),
    foreign key (asset_key, revision) references asset_revision (asset_key, revision) on delete cascade
);
create index dependency_producer_by_producer on dependency_producer (producer_key, producer_revision);

-- Each referenced element as the producer offered it when the consumer was uploaded.
create table dependency_reference (
    asset_key             varchar(36)   not null,
    revision              integer       not null,
    producer_key          varchar(36)   not null,
    element_key           varchar(100)  not null,
    name                  varchar(200)  not null,
    element_type          varchar(40)   not null,
    description           varchar(2000),
    is_hidden             boolean       not null,
    signature             varchar(60000) not null,
    signature_digest      varchar(36)   not null,
    compatibility_digest  varchar(36)   not null,
    primary key (asset_key, revision, producer_key, element_key),
    foreign key (asset_key, revision, producer_key)
        references dependency_producer (asset_key, revision, producer_key) on delete cascade
);

-- Deployment and deletion analyses: recorded InProgress, computed right after, report kept as JSON.
create table dependency_analysis (
    analysis_key    varchar(36)  primary key,
    analysis_type   varchar(20)  not null,
    asset_key       varchar(36)  not null,
    revision        integer,
    env_key         varchar(36),
    process_status  varchar(20)  not null,
    report          varchar(1000000),
    error_detail    varchar(4000),
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    requested_by    varchar(200)
);
