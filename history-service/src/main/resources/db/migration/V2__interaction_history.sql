-- The contact history: a projection of the chat, transcript and workflow topics, one interaction per chat id.
-- Every write is order-independent (rows keyed by (chat, seq) or by event id; timestamps merged with least/greatest),
-- so events arriving out of order across topics give the same final record. A rebuild copies these tables with
-- "create table ... (like ... including all)": keep every projection table in this file's shape.

create table interaction (
    chat_id           varchar(255) primary key,
    contact_id        varchar(255),
    contact_name      varchar(255),
    email             varchar(320),
    -- E.164 numbers joined by commas (they never contain one)
    phone_numbers     text,
    requested_queue   varchar(255),
    subject           text,
    language          varchar(35),
    requested_at      timestamptz,
    -- the latest queue routing placed the chat in, and when
    queue             varchar(255),
    queue_at          timestamptz,
    first_offered_at  timestamptz,
    accepted_at       timestamptz,
    ended_at          timestamptz,
    end_reason        varchar(64),
    ended_by          varchar(255),
    last_seq          bigint,
    completed_at      timestamptz,
    completed_by      varchar(255),
    notes             text,
    disposition_code  varchar(255),
    send_transcript   boolean,
    workflow_decision varchar(32),
    workflow_queue    varchar(255)
);
create index interaction_contact on interaction (contact_id, requested_at desc);
create index interaction_requested on interaction (requested_at desc);
create index interaction_disposition on interaction (disposition_code);

-- Every queue the chat went through (requested, overflowed, transferred to).
create table interaction_queue (
    chat_id    varchar(255) not null,
    queue      varchar(255) not null,
    entered_at timestamptz  not null,
    primary key (chat_id, queue)
);
create index interaction_queue_by_queue on interaction_queue (queue);

-- Join and leave notices, at their position in the chat's timeline.
create table interaction_participation (
    chat_id        varchar(255) not null,
    seq            bigint       not null,
    participant_id varchar(255) not null,
    name           varchar(255),
    role           varchar(32)  not null,
    change         varchar(32)  not null,
    joined         boolean      not null,
    at             timestamptz  not null,
    primary key (chat_id, seq)
);
create index interaction_participation_by_participant on interaction_participation (participant_id);

create table interaction_message (
    chat_id           varchar(255) not null,
    seq               bigint       not null,
    message_id        uuid,
    client_message_id varchar(255),
    author_id         varchar(255),
    author_name       varchar(255),
    author_role       varchar(32),
    kind              varchar(32)  not null,
    text              text,
    url               text,
    sent_at           timestamptz  not null,
    -- 'simple' (no stemming): contacts write in many languages and one stemmer would mangle the others
    search            tsvector generated always as (to_tsvector('simple', coalesce(text, ''))) stored,
    primary key (chat_id, seq)
);
create index interaction_message_search on interaction_message using gin (search);

-- Everything else that happened to the chat, one row per event: routing decisions, transfer, conference and call
-- requests, transcript requests and results, workflow changes. Columns are shared; each type uses some of them.
create table interaction_activity (
    event_id    uuid primary key,
    chat_id     varchar(255) not null,
    type        varchar(64)  not null,
    at          timestamptz  not null,
    outcome     varchar(255),
    queue       varchar(255),
    from_queue  varchar(255),
    actor_id    varchar(255),
    actor_name  varchar(255),
    target_type varchar(32),
    target_id   varchar(255),
    offer_kind  varchar(32),
    request_id  varchar(255),
    item_id     varchar(255),
    detail      text,
    attempts    integer
);
create index interaction_activity_chat on interaction_activity (chat_id, at);
