-- What the measures need of each pupil the check counted, taken from the check's own pass over the file, so that
-- reports count from these rows and never read a file again. Only pupils of files that are this request's return
-- (readable, this school's, this collection's, this year's) are here; of who the pupil is, only the UPN is kept.
-- Written by the checks feature only, replaced with pupil_result on every run.
create table pupil_outcome (
    id             bigserial primary key,
    submission_id  bigint not null references submission (id),
    file_id        bigint not null references submission_file (id),
    upn            text,
    sex            text,
    nc_year        text,
    -- as written in the file: the phonics measures read it when the year group is missing
    dob            text,
    -- the pupil's group in each breakdown the file carries (engine PupilGroup names)
    pupil_groups   text[] not null,
    -- each item of the return with every value given, in order: {"CHK": ["32"]}
    results        jsonb  not null
);
create index pupil_outcome_by_submission on pupil_outcome (submission_id);

-- Versions checked before outcomes were stored have none: each current one is checked again once at start-up.
create table outcome_backfill (
    submission_id  bigint primary key references submission (id)
);
insert into outcome_backfill (submission_id)
select c.id from current_submission c join submission s on s.id = c.id where s.status = 'CHECKED';
