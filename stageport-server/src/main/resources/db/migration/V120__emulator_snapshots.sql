-- Emulator snapshots (docs/emulator.md): each application table's rows, encoded by
-- emulator/TableCopy, one row per (snapshot, table). The seed's own snapshot is the
-- one an emulator reset returns to.
create table emulator_snapshot (
    name        varchar(100) not null,
    table_name  varchar(100) not null,
    position    integer      not null,
    row_count   integer      not null,
    content     bytea        not null,
    taken_at    timestamp with time zone not null,
    primary key (name, table_name)
);

-- The fault rules a scenario seed lists, as JSON, in seed order, for the fault-rule feature to pick up.
create table emulator_seed_fault (
    position    integer       primary key,
    rule_json   varchar(4000) not null
);
