-- Drafts of the application form (/devenir): one per browser, found by the random id in its cookie, so that a
-- reload, a failed step or another node loses nothing. A draft that answers a change request names the
-- application and carries its tracking token (the applicant's own key, as in their link) until it is sent.
create table app_site_draft (
    id              varchar(36)  not null primary key,
    body            text         not null,
    application_id  varchar(36),
    tracking_token  varchar(100),
    updated_at      timestamp with time zone not null
);
create index app_site_draft_updated on app_site_draft (updated_at);
