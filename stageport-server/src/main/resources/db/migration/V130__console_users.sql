-- People who sign in to the web console (docs/console.md). password_hash is null for a user who
-- signs in only through single sign-on. Grants work like api_client_permission ('*' = every stage).
create table console_user (
    username       varchar(100) primary key,
    display_name   varchar(200),
    password_hash  varchar(300),
    status         varchar(20)  not null,
    created_at     timestamp with time zone not null
);

create table console_user_permission (
    username         varchar(100) not null references console_user (username) on delete cascade,
    permission       varchar(40)  not null,
    environment_key  varchar(36)  not null,
    primary key (username, permission, environment_key)
);

-- Failed sign-ins per user name (known or not, so the throttle tells nothing about who exists),
-- shared by every replica; a success clears the row.
create table console_sign_in_failure (
    username      varchar(100) primary key,
    failures      integer      not null,
    last_failure  timestamp with time zone not null
);
