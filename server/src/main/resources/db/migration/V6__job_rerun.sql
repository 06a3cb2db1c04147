-- A job queued again while it runs (a re-check after the phonics threshold changed) waits for the running check to
-- finish and then runs once more, rather than running beside it and perhaps finishing first with the old answer.
alter table job add column rerun boolean not null default false;
