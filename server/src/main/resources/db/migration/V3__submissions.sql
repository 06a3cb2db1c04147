-- Submissions: who sent a version (an API token has no user), files that came out of a zip, why a version could
-- not be checked, and each pupil's results as checked, for the school's and the LA's reports.

alter table submission
    add column submitted_by_name text,
    add column failure_message   text;

alter table submission_file
    add column archive_name   text,
    add column archive_sha256 char(64);
create index submission_file_by_submission on submission_file (submission_id);

create index submission_by_request on submission (file_request_id, version desc);

create table pupil_result (
    id             bigserial primary key,
    submission_id  bigint not null references submission (id),
    file_id        bigint references submission_file (id),
    upn            text,
    surname        text,
    forename       text,
    dob            date,
    sex            text,
    nc_year        text,
    results        jsonb  not null
);
create index pupil_result_by_submission on pupil_result (submission_id);
