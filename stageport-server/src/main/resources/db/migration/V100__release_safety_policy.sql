-- Release safety rules of the stage policy (promotion and approvals); null means no rule, as in ODC.
-- Lists are stored one entry per line: stage keys and client ids never contain a line break.
alter table stage_policy add column promote_from varchar(4000);
alter table stage_policy add column min_soak_minutes integer;
alter table stage_policy add column required_approvals integer;
alter table stage_policy add column approvers varchar(4000);
alter table stage_policy add column approval_timeout_minutes integer;
