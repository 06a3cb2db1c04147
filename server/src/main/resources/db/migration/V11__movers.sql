-- The LA's decision, for a pupil whose UPN is in two or more schools' current versions of one collection, on which
-- school keeps the pupil. Only the decision is kept: who the duplicates are is worked out on every read from the
-- current versions, so a school's new version changes it at once. A decision whose kept school no longer holds the
-- pupil is ignored (the duplicate is open again); one whose pupil is no longer duplicated has no effect.
-- Written by the movers feature only.
create table mover_resolution (
    collection_id   bigint      not null references collection (id),
    upn             text        not null,
    kept_school_id  bigint      not null references school (id),
    resolved_by     text        not null,
    resolved_at     timestamptz not null,
    primary key (collection_id, upn)
);
