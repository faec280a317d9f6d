-- The life of a qualification after it was granted: the renewal link's token (hashed, like the tracking token),
-- and the national team's revocation (its reason code and comment, shown to the producer).
alter table app_application add column renewal_token_hash varchar(64);
alter table app_application add column revocation_reason varchar(40);
alter table app_application add column revocation_comment varchar(2000);
-- GET /api/qualifications/{siret} and the revocation find a qualification by its SIRET.
create index app_application_siret on app_application (siret);
-- The funnel counts renewals, lapses and revocations from the timeline.
create index app_timeline_event on app_timeline (event);
