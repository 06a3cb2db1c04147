-- Accounts, mail and audit search.

-- An invited account has a random password hash nobody knows until its owner sets one through the e-mailed link;
-- pages show it as "Invited" rather than "Active".
alter table app_user add column password_set boolean not null default true;

-- Reset throttling counts the links sent to an address recently; invitations live longer than resets.
alter table password_reset add column created_at timestamptz not null default now();
create index password_reset_by_user on password_reset (user_id, created_at);

-- A failed SMTP send is retried a bounded number of times, by one instance at a time.
alter table outbox_mail add column attempts int not null default 0;
alter table outbox_mail add column last_attempt_at timestamptz;
create index outbox_mail_unsent on outbox_mail (created_at) where sent_at is null;
create index outbox_mail_by_time on outbox_mail (created_at desc);

-- The administrator's audit search filters by action and school as well as time.
create index audit_by_action on audit_event (action, at desc);
create index audit_by_school on audit_event (school_id, at desc);
