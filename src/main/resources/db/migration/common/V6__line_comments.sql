-- A reviewer's comments on single lines, recorded with the return they came with.

alter table report_event drop constraint report_event_kind_ck;
alter table report_event add constraint report_event_kind_ck check (kind in ('STATUS', 'VALUE', 'COMMENT'));
