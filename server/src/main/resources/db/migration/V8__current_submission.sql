-- "The school's return" everywhere means the current version of its file request: the highest version it sent.
-- One named view instead of the same max(version) subquery in every query that needs it. It carries only the keys;
-- join submission on id for the rest, so that later columns of submission need no change here.
create view current_submission as
select s.id, s.file_request_id, s.version
from submission s
where s.version = (select max(v.version) from submission v where v.file_request_id = s.file_request_id);
