-- Network partners, their cooperation agreement, and the batches of members they submit.
create table app_network (
    id                           varchar(55)   not null primary key,
    name                         varchar(200)  not null,
    agreement_reference          varchar(100)  not null,
    valid_from                   date          not null,
    valid_until                  date          not null,
    subscription_paid_by_network boolean       not null,
    -- members accepted so far: the next member's rank is member_count + 1 (the audit reads the rank)
    member_count                 integer       not null default 0,
    created_at                   timestamp with time zone not null,
    created_by                   varchar(100)
);

-- One bulk submission. The first answer is kept so that the same Idempotency-Key replays it.
create table app_network_batch (
    id                varchar(36)   not null primary key,
    network_id        varchar(55)   not null,
    idempotency_key   varchar(200),
    format            varchar(8)    not null,
    received          integer       not null default 0,
    accepted          integer       not null default 0,
    rejected          integer       not null default 0,
    -- the rank of the batch's first accepted member; members hold first_rank .. first_rank + accepted - 1
    first_rank        integer       not null default 1,
    answer            text,
    created_at        timestamp with time zone not null,
    created_by        varchar(100),
    constraint app_network_batch_network foreign key (network_id) references app_network (id)
);
-- Several batches without a key are fine: NULLs are distinct in a unique index on both databases.
create unique index app_network_batch_key on app_network_batch (network_id, idempotency_key);
create index app_network_batch_created on app_network_batch (network_id, created_at);

-- Every row error of a batch, in the order they were found (the answer carries only the first ones).
create table app_network_batch_error (
    batch_id   varchar(36)   not null,
    position   integer       not null,
    source_row integer       not null,
    field      varchar(300)  not null,
    message    varchar(1000) not null,
    primary key (batch_id, position),
    constraint app_network_batch_error_batch foreign key (batch_id) references app_network_batch (id)
);

-- A network member: its application, the row it came from and its rank among the network's members.
create table app_network_member (
    application_id varchar(36) not null primary key,
    network_id     varchar(55) not null,
    batch_id       varchar(36) not null,
    member_rank    integer     not null,
    source_row     integer     not null,
    constraint app_network_member_application foreign key (application_id) references app_application (id),
    constraint app_network_member_batch foreign key (batch_id) references app_network_batch (id)
);
create unique index app_network_member_rank on app_network_member (network_id, member_rank);
create index app_network_member_batch on app_network_member (batch_id, member_rank);
