-- Responses of POSTs sent with an Idempotency-Key, per API client, kept until
-- they expire. response_status is null while the first request is still running.
create table idempotency_record (
    client_id        varchar(100) not null,
    idem_key         varchar(200) not null,
    request_hash     varchar(64)  not null,
    response_status  integer,
    content_type     varchar(200),
    response_body    varchar(1000000),
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    primary key (client_id, idem_key)
);
create index idempotency_record_by_expiry on idempotency_record (expires_at);
