-- Where a work item must run: the stage key of a deployment operation, so the engine can leave
-- the work of process stages owned by another replica out of its candidate query (null: anywhere).
alter table work_item add column placement varchar(36);
update work_item set placement = (select env_key from deployment_operation d where d.op_key = work_item.op_key)
where kind = 'deployment';
