-- Issue 10 item 12: once the LA has accepted a return, a school's new upload is only proposed. The request remembers
-- which version the LA accepted, and "the school's return" (current_submission) is that version until the LA accepts
-- a newer one; while nothing is accepted it is the newest version, as before. The column set stays (id,
-- file_request_id, version), so every query that reads through the view keeps working.
alter table file_request add column accepted_submission_id bigint references submission (id);

update file_request r set accepted_submission_id = (
    select s.id from submission s where s.file_request_id = r.id order by s.version desc limit 1)
where r.status = 'ACCEPTED';

create or replace view current_submission as
select s.id, s.file_request_id, s.version
from submission s
join file_request r on r.id = s.file_request_id
where case when r.accepted_submission_id is not null then s.id = r.accepted_submission_id
           else s.version = (select max(v.version) from submission v where v.file_request_id = s.file_request_id)
      end;

-- The LA's "no" to a proposed replacement, with what it told the school; the accepted version stays the return.
create table declined_replacement (
    submission_id   bigint primary key references submission (id),
    file_request_id bigint      not null references file_request (id),
    message         text        not null,
    declined_by     bigint references app_user (id),
    declined_at     timestamptz not null default now()
);
create index declined_replacement_by_request on declined_replacement (file_request_id);
