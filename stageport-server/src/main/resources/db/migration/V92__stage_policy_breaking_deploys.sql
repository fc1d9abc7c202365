-- Stage policy: refuse a Deploy whose deployment analysis finds an Error (null/false: advisory, as in ODC).
alter table stage_policy add column block_breaking_deploys boolean;
