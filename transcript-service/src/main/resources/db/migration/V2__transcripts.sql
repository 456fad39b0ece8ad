-- One row per chat, filled from whichever event arrives first: events of different topics arrive in any order.
create table transcript (
    chat_id          varchar(255) primary key,
    contact_name     text,
    email            text,
    language         varchar(35),
    queue            varchar(255),
    subject          text,
    requested_at     timestamptz,
    -- Set by chat.ended: the last position of the timeline. The transcript is complete once every seq up to it is in.
    end_seq          bigint,
    end_reason       varchar(32),
    ended_by         varchar(255),
    ended_at         timestamptz,
    -- When this service learned of the end; the wait for late lines is measured from here.
    end_received_at  timestamptz,
    created_at       timestamptz  not null
);

-- Messages and notices, one per position of the chat's gap-free timeline.
create table transcript_line (
    id           bigserial primary key,
    chat_id      varchar(255) not null references transcript (chat_id),
    seq          bigint       not null,
    kind         varchar(16)  not null,
    author_id    varchar(255),
    author_name  text,
    author_role  varchar(16),
    text         text,
    url          text,
    at           timestamptz  not null,
    unique (chat_id, seq)
);

-- Everyone who took part (agents from chat.routed ACCEPTED and chat.participant): who may read the transcript.
create table transcript_participant (
    id              bigserial primary key,
    chat_id         varchar(255) not null references transcript (chat_id),
    participant_id  varchar(255) not null,
    name            text,
    role            varchar(16),
    unique (chat_id, participant_id)
);

-- One row per request to mail the transcript; the request id is the idempotency key and names the Message-ID.
-- PENDING -> SENDING -> SENT | FAILED (SENDING goes back to PENDING after a refused attempt, or when its lease
-- expired and the audit mailbox must be checked before anything is sent again).
create table transcript_request (
    request_id        varchar(255) primary key,
    chat_id           varchar(255) not null references transcript (chat_id),
    origin            varchar(16)  not null,
    requested_by      varchar(255),
    status            varchar(16)  not null,
    attempts          integer      not null default 0,
    requested_at      timestamptz  not null,
    next_attempt_at   timestamptz  not null,
    lease_until       timestamptz,
    first_attempt_at  timestamptz,
    last_error        text,
    recipient         text,
    message_id        text,
    sent_at           timestamptz,
    failed_at         timestamptz
);
create index transcript_request_due on transcript_request (next_attempt_at) where status = 'PENDING';
create index transcript_request_leased on transcript_request (lease_until) where status = 'SENDING';
create index transcript_request_chat on transcript_request (chat_id);
