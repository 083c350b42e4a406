-- An area's locations keep the order they were listed in: the first is the area's main
-- place (where the plans' input from the authorities is counted, for one).
alter table area_location add column position integer not null default 0;
