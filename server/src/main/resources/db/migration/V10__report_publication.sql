-- Whether a collection's reports are published is the reports feature's own fact: it moves to a table reports owns,
-- so that only the collections feature writes the collection table.
create table report_publication (
    collection_id bigint primary key references collection (id),
    state         text not null check (state in ('NOT_PUBLISHED', 'PROVISIONAL', 'FINAL')),
    published_by  text,
    published_at  timestamptz
);

insert into report_publication (collection_id, state, published_by, published_at)
select id, report_state, report_published_by, report_published_at from collection
where report_state <> 'NOT_PUBLISHED' or report_published_at is not null;

alter table collection
    drop column report_state,
    drop column report_published_by,
    drop column report_published_at;
