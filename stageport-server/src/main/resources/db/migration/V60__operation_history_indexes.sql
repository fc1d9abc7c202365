-- The operation list at scale (docs/benchmarks.md, history scenario). The list's default
-- order is "started_at desc, op_key asc": an index in exactly that order lets the database
-- read the first page (and an offset page) in order and stop, instead of sorting every row.
create index deployment_operation_by_recent on deployment_operation (started_at desc, op_key);
-- The filters pipelines use most, each followed by the list order: PostgreSQL reads these
-- in order; H2 uses them to find the rows and then sorts only the matching ones.
create index deployment_operation_by_stage_recent on deployment_operation (env_key, started_at desc, op_key);
create index deployment_operation_by_portfolio_recent on deployment_operation (portfolio_key, started_at desc, op_key);
