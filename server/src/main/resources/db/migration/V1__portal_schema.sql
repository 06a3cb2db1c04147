-- The portal's data. Pupil-level data lives only in submission_file (the original bytes), finding and pupil_result,
-- always reached through a submission, its file request and so its school.

create table school (
    id          bigserial primary key,
    la_code     char(3)  not null,
    estab       char(4)  not null,
    urn         varchar(8) unique,
    name        text     not null,
    phase       text,
    type        text,
    status      text     not null default 'Open',
    postcode    text,
    head_name   text,
    email       text,
    unique (la_code, estab)
);

create table app_user (
    id               bigserial primary key,
    email            text        not null unique,
    display_name     text        not null,
    password_hash    text        not null,
    role             text        not null check (role in ('LA_ADMIN', 'LA_OFFICER', 'MODERATOR', 'HEADTEACHER', 'SCHOOL_STAFF')),
    school_id        bigint      references school (id),
    failed_attempts  int         not null default 0,
    locked_until     timestamptz,
    enabled          boolean     not null default true,
    created_at       timestamptz not null default now(),
    -- school roles belong to exactly one school; LA roles to none
    check ((role in ('HEADTEACHER', 'SCHOOL_STAFF')) = (school_id is not null))
);

create table api_token (
    id          bigserial primary key,
    school_id   bigint      not null references school (id),
    token_hash  char(64)    not null unique,
    label       text        not null,
    created_by  bigint      references app_user (id),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

create table collection (
    id                 bigserial primary key,
    kind               text not null check (kind in ('EYFSP', 'PHONICS', 'KS1', 'KS2_TA', 'MTC')),
    summer_year        int  not null,
    opens_on           date,
    la_deadline        date,
    dfe_deadline       date,
    phonics_threshold  int check (phonics_threshold between 0 and 40),
    unique (kind, summer_year)
);

create table collection_school (
    collection_id      bigint not null references collection (id),
    school_id          bigint not null references school (id),
    deadline_override  date,
    primary key (collection_id, school_id)
);

create table file_request (
    id             bigserial primary key,
    collection_id  bigint      not null references collection (id),
    school_id      bigint      not null references school (id),
    title          text        not null,
    description    text,
    deadline       date        not null,
    status         text        not null default 'NOT_STARTED',
    la_message     text,
    created_at     timestamptz not null default now(),
    unique (collection_id, school_id)
);

create table submission (
    id               bigserial primary key,
    file_request_id  bigint      not null references file_request (id),
    version          int         not null,
    comment          text,
    submitted_by     bigint      references app_user (id),
    submitted_via    text        not null check (submitted_via in ('WEB', 'API', 'DEMO')),
    received_at      timestamptz not null default now(),
    status           text        not null default 'RECEIVED',
    pupils           int,
    errors           int,
    queries          int,
    processed_at     timestamptz,
    unique (file_request_id, version)
);

create table submission_file (
    id             bigserial primary key,
    submission_id  bigint  not null references submission (id),
    file_name      text    not null,
    size_bytes     bigint  not null,
    sha256         char(64) not null,
    content        bytea   not null,
    collection     text,
    summer_year    int,
    read_error     text
);

create table finding (
    id             bigserial primary key,
    submission_id  bigint not null references submission (id),
    file_id        bigint references submission_file (id),
    severity       text   not null check (severity in ('error', 'query', 'info')),
    code           text   not null,
    upn            text,
    item           text,
    message        text   not null,
    line           int,
    explanation    text,
    explained_by   bigint references app_user (id),
    explained_at   timestamptz
);
create index finding_by_submission on finding (submission_id);

create table job (
    id          bigserial primary key,
    kind        text        not null,
    payload_id  bigint      not null,
    status      text        not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    attempts    int         not null default 0,
    run_after   timestamptz not null default now(),
    locked_by   text,
    locked_at   timestamptz,
    last_error  text,
    created_at  timestamptz not null default now(),
    unique (kind, payload_id)
);
create index job_ready on job (run_after) where status in ('QUEUED', 'RUNNING');

create table audit_event (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor       text,
    actor_role  text,
    school_id   bigint,
    action      text        not null,
    target      text,
    detail      text,
    ip          text
);
create index audit_by_time on audit_event (at desc);

create table password_reset (
    token_hash  char(64)    primary key,
    user_id     bigint      not null references app_user (id),
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create table outbox_mail (
    id          bigserial primary key,
    to_address  text        not null,
    subject     text        not null,
    body        text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    error       text
);
