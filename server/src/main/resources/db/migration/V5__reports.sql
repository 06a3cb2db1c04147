-- Reports: the LA's suppression threshold, the DfE's national figures as the LA enters them, and whether a
-- collection's report is published to schools (provisional, then final), by whom and when.

create table report_setting (
    id             int primary key check (id = 1),
    suppress_below int not null default 5 check (suppress_below between 0 and 100)
);
insert into report_setting (id, suppress_below) values (1, 5);

create table national_figure (
    summer_year  int     not null,
    measure_id   text    not null,
    value        numeric,
    entered_by   text,
    entered_at   timestamptz not null default now(),
    primary key (summer_year, measure_id)
);

alter table collection
    add column report_state        text not null default 'NOT_PUBLISHED'
        check (report_state in ('NOT_PUBLISHED', 'PROVISIONAL', 'FINAL')),
    add column report_published_by text,
    add column report_published_at timestamptz;
