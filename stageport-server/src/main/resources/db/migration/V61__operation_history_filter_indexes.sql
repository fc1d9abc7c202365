-- Filtered history at scale (docs/benchmarks.md). A filter on one status, asset or operation
-- type gets an index in the list's default order behind the filtered column; the list query
-- puts that column in front of its ORDER BY (OperationQuery.orderBy), so the database reads the
-- matching rows newest first and stops after the page instead of sorting every match
-- (50 000 FinishedWithError rows at 1 M operations took about 600 ms).
--
-- The engine's queue queries (status = 'Running', a handful of rows) use the status index as
-- well as they used (status, lease_expires_at), and the asset index answers the asset-delete
-- check; keeping the old ones would only let H2 pick them and sort again.
drop index deployment_operation_by_status;
drop index deployment_operation_by_asset;
-- deployment_operation_by_recent (V60) serves every started_at range.
drop index deployment_operation_by_created;
create index deployment_operation_by_status_recent on deployment_operation (status, started_at desc, op_key);
create index deployment_operation_by_asset_recent on deployment_operation (asset_key, started_at desc, op_key);
create index deployment_operation_by_operation_recent on deployment_operation (operation, started_at desc, op_key);
