-- The pupils the LA expects in each school's return of a collection (returns.md §5), loaded by the LA from a census
-- CTF or a CSV. A load replaces the collection's whole list, so the list is keyed by collection, one school per UPN.
create table expected_pupil (
    collection_id bigint not null references collection (id),
    upn           text   not null,
    school_id     bigint not null references school (id),
    surname       text,
    forename      text,
    nc_year       text   not null,
    primary key (collection_id, upn)
);
create index expected_pupil_by_school on expected_pupil (collection_id, school_id);

-- Each load, so that the page can say when the list was loaded, from which files and by whom.
create table cohort_load (
    id             bigserial primary key,
    collection_id  bigint      not null references collection (id),
    loaded_at      timestamptz not null default now(),
    loaded_by      text        not null,
    file_names     text        not null,
    pupils         int         not null,
    refused_rows   int         not null
);
create index cohort_load_by_collection on cohort_load (collection_id, loaded_at desc);
