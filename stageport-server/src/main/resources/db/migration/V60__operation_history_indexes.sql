-- The operation list at scale (docs/benchmarks.md, history scenario). The list's default
-- order is "started_at desc, op_key asc": an index in exactly that order lets the database
-- read the first page (and an offset page) in order and stop, instead of sorting every row.
create index deployment_operation_by_recent on deployment_operation (started_at desc, op_key);
-- A portfolio filter had no index at all. No stage index: a stage holds a large share of all
-- operations, and H2 would find them through it and then sort them all (1.8 s at 1 M rows);
-- without it H2 reads the order index above and skips other stages' rows (measured).
create index deployment_operation_by_portfolio_recent on deployment_operation (portfolio_key, started_at desc, op_key);
-- Sorting by asset name (then newest first) read in order instead of sorting the whole table.
create index deployment_operation_by_name_recent on deployment_operation (asset_name, started_at desc, op_key);
