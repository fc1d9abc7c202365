-- Every blob in the artifact store, on every database: what garbage collection walks.
-- holds counts uploads that stored the blob and have not yet decided whether a revision
-- keeps it; touched_at is the last time anyone stored these bytes.
create table artifact (
    digest      varchar(100) primary key,
    size_bytes  bigint       not null,
    chunks      integer      not null,
    holds       integer      not null,
    stored_at   timestamp with time zone not null,
    touched_at  timestamp with time zone not null
);

-- The bytes themselves, in 1 MB pieces, only where every replica must read them
-- (PostgreSQL); the embedded database leaves them in the data folder.
create table artifact_chunk (
    digest       varchar(100) not null,
    chunk_index  integer      not null,
    content      bytea        not null,
    primary key (digest, chunk_index)
);

-- "Does anything still use this blob?" is asked per blob by the collector.
create index asset_revision_bundle_digest on asset_revision (bundle_digest);
create index build_artifact_digest on build (artifact_digest);
create index bundle_upload_blob_digest on bundle_upload (blob_digest);
