-- The phone calls agents asked for (chat.call.requested), one row per request id, and where each one stands.
-- state: REQUESTED (waiting for its first or next attempt at next_attempt_at), PLACING (an attempt was recorded and
-- the click-to-call request is, or may be, under way: never sent again), DIALLING, CONNECTED, FAILED, ENDED.
create table telephony_call (
    request_id       varchar(200) primary key,
    chat_id          varchar(200) not null,
    agent_id         varchar(200) not null,
    phone_number     varchar(40)  not null,
    state            varchar(16)  not null,
    reason           varchar(40),
    provider_call_id varchar(200),
    ended_by         varchar(20),
    duration_seconds bigint,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    attempt_started_at timestamptz,
    last_error       varchar(500),
    requested_at     timestamptz  not null,
    received_at      timestamptz  not null,
    dialling_at      timestamptz,
    connected_at     timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz  not null
);

-- The dialler's poll: requests due for an attempt.
create index telephony_call_due on telephony_call (next_attempt_at) where state = 'REQUESTED';
-- The timeout check: calls that may have waited too long.
create index telephony_call_open on telephony_call (state, updated_at)
    where state in ('PLACING', 'DIALLING', 'CONNECTED');
create index telephony_call_chat on telephony_call (chat_id);
-- The hourly prune of finished calls (retention).
create index telephony_call_finished on telephony_call (finished_at) where state in ('FAILED', 'ENDED');
