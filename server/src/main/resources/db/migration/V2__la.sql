-- The LA's side: which ages a school teaches (from GIAS, so that a collection's default scope can tell an infant
-- school from a junior one), and who accepted or returned a file request, and when.

alter table school
    add column low_age  int,
    add column high_age int;

alter table file_request
    add column accepted_at  timestamptz,
    add column accepted_by  bigint references app_user (id),
    add column returned_at  timestamptz,
    add column returned_by  bigint references app_user (id);

create index collection_school_by_school on collection_school (school_id);
create index file_request_by_school on file_request (school_id);
