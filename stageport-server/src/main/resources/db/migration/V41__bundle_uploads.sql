-- A tag names one revision of an asset; the index makes that hold even when two
-- PATCH requests race (NULLs, untagged revisions, never collide).
create unique index asset_revision_tag on asset_revision (asset_key, tag);

-- Upload URLs handed out by POST /uploads. Only the SHA-256 of the secret in the URL
-- is kept; the bundle sent to it lands in the artifact store as blob_digest.
create table bundle_upload (
    token_hash   varchar(64)  primary key,
    created_by   varchar(200) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    blob_digest  varchar(100),
    used_at      timestamp with time zone
);
