-- The generated-code package of a build (build operations API): one per build, made
-- asynchronously from the build's artifact and kept in the artifact store.
create table generated_code_package (
    build_key       varchar(36) primary key references build (build_key) on delete cascade,
    status          varchar(20) not null,
    requested_by    varchar(200),
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    package_digest  varchar(100),
    error_message   varchar(2000)
);
