-- Why a change was made, when the request says so (an approval's comment, a freeze override's reason).
alter table audit_event add column reason varchar(2000);
