-- Reporting periods whose deadline or lock date differ from the defaults (deadline 15 days
-- after the quarter ends, lock date 30 days after the deadline). Quarters without a row use
-- the defaults.

create table reporting_period (
    period     varchar(7) not null primary key,
    deadline   date       not null,
    lock_date  date       not null,
    version    integer    not null default 0,
    updated_at timestamp with time zone not null,
    constraint reporting_period_dates_ck check (lock_date >= deadline)
);
