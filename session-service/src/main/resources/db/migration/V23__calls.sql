-- Calls of a chat (docs/session-service.md "Calls"): web calls (WebRTC between the agent's and the contact's browsers,
-- signalled over the chat sockets) and phone calls (the telephony adapter's answers to chat.call.requested). One row
-- per call, changed in place; every change is also a CALL notice in the timeline and a chat.call.updated event.
create table chat_call (
    id               varchar(64)   primary key,          -- a web call's own id; a phone call's requestId
    chat_id          varchar(64)   not null references chat (id),
    channel          varchar(8)    not null,             -- WEB, PHONE
    state            varchar(16)   not null,             -- io.switchboard.events.CallState
    agent_id         varchar(100)  not null,             -- who placed the call
    agent_name       varchar(200),
    phone_number     varchar(32),                        -- PHONE: E.164
    created_at       timestamptz   not null,
    answered_at      timestamptz,                        -- ANSWERED (web) or CONNECTED (phone)
    ended_at         timestamptz,                        -- when it reached a final state
    ended_by         varchar(100),
    reason           varchar(32),
    duration_seconds bigint,                             -- PHONE: seconds connected, as the telephony adapter told
    updated_at       timestamptz   not null              -- the time of the last status applied (phone: its own time)
);
create index chat_call_chat on chat_call (chat_id, created_at);
-- At most one live web call per chat: a second call-start while one rings or talks is refused, also across instances.
create unique index chat_call_one_live_web on chat_call (chat_id)
    where channel = 'WEB' and state in ('RINGING', 'ANSWERED');
-- The ring timeout sweep looks for web calls ringing too long.
create index chat_call_ringing on chat_call (created_at) where state = 'RINGING';

-- A CALL notice carries the call's fields so front ends can write it in their own language.
alter table timeline_item add column call_id varchar(64);
alter table timeline_item add column call_state varchar(16);
alter table timeline_item add column call_channel varchar(8);
alter table timeline_item add column call_reason varchar(32);
alter table timeline_item add column call_duration_seconds bigint;
