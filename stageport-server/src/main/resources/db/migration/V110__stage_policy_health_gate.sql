-- Stage policy: the health gate after the traffic switch, as JSON {"path", "seconds", "failures"}
-- (null: no gate, as in ODC). One column of its own so other policy rules stay separate.
alter table stage_policy add column health_gate varchar(1000);
