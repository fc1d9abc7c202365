-- Portfolios group stages and assets (portfolio API v2). An installation has one main
-- portfolio that every stage and every asset belongs to; it can be renamed.
create table portfolio (
    portfolio_key varchar(36) primary key,
    name          varchar(50) not null,
    hosting_type  varchar(40) not null,
    is_main       boolean     not null,
    created_at    timestamp with time zone not null
);

insert into portfolio (portfolio_key, name, hosting_type, is_main, created_at)
values ('f0000000-0000-4000-8000-000000000001', 'Main', 'selfhosted', true, current_timestamp);

update asset set portfolio_key = 'f0000000-0000-4000-8000-000000000001' where portfolio_key is null;
