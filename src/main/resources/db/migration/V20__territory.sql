-- The territorial path: passes injected into départements, the directory of known places (national open-data
-- standard), hub campaigns and their candidates.

-- One funder's injection of passes into a département. Value in cents: passes × face value.
create table app_pass_injection (
    id               varchar(36)   not null primary key,
    departement      varchar(3)    not null,
    funder           varchar(300)  not null,
    passes           integer       not null,
    face_value_cents integer       not null,
    value_cents      bigint        not null,
    injection_date   date          not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(100)
);
create index app_pass_injection_departement on app_pass_injection (departement, injection_date);

-- Known places from the national standard's CSV (v1.0.2), upserted by their id. A place found closed during a
-- campaign is kept, flagged, so the next import does not bring it back as a candidate.
create table app_directory_place (
    id             varchar(200)  not null primary key,
    siret          varchar(14)   not null,
    name           varchar(300)  not null,
    address        varchar(500)  not null,
    address_extra  varchar(500),
    postal_code    varchar(5)    not null,
    insee_code     varchar(5),
    commune        varchar(200)  not null,
    departement    varchar(3)    not null,
    phone          varchar(100),
    emails         varchar(1000),
    website        varchar(500),
    services       varchar(2000),
    source         varchar(200),
    updated_on     date          not null,
    closed         boolean       not null default false,
    closed_at      timestamp with time zone,
    imported_at    timestamp with time zone not null
);
create index app_directory_place_departement on app_directory_place (departement, closed);
create index app_directory_place_siret on app_directory_place (siret);

-- A recruitment campaign of one territory. open_departement holds the département while the campaign is open
-- and is cleared when it ends, so a unique index allows one open campaign per territory on every database.
create table app_campaign (
    id                varchar(36)  not null primary key,
    departement       varchar(3)   not null,
    open_departement  varchar(3),
    hub_id            varchar(80),
    contact_group     varchar(100) not null,
    places_to_recruit integer      not null,
    status            varchar(16)  not null,
    end_reason        varchar(24),
    injection_id      varchar(36),
    opened_at         timestamp with time zone not null,
    ended_at          timestamp with time zone
);
create unique index app_campaign_open_departement on app_campaign (open_departement);
create index app_campaign_departement on app_campaign (departement);

-- A producer contacted in a campaign (one per SIRET and campaign), its outcome and, once it applies, its
-- application. Only the hash of the invitation token is kept.
create table app_campaign_candidate (
    id                 varchar(36)  not null primary key,
    campaign_id        varchar(36)  not null,
    directory_place_id varchar(200) not null,
    siret              varchar(14)  not null,
    outcome            varchar(24)  not null,
    contact_attempts   integer      not null default 0,
    contact_email      varchar(254),
    comment            varchar(2000),
    invitation_hash    varchar(64),
    application_id     varchar(36),
    selected_at        timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(100),
    constraint app_campaign_candidate_campaign foreign key (campaign_id) references app_campaign (id),
    constraint app_campaign_candidate_place foreign key (directory_place_id) references app_directory_place (id)
);
create unique index app_campaign_candidate_siret on app_campaign_candidate (campaign_id, siret);
create index app_campaign_candidate_recent on app_campaign_candidate (siret, selected_at);
create index app_campaign_candidate_application on app_campaign_candidate (application_id);
