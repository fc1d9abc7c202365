-- Fixed one-minute windows of request counts, shared by every replica.
create table rate_limit_window (
    bucket        varchar(200) not null,
    window_start  bigint       not null,
    hits          integer      not null,
    primary key (bucket, window_start)
);
