-- Supervision (docs/session-service.md "Supervision"). A whisper is a timeline item for the chat's staff only: it
-- takes its seq like any message, and every read for the contact leaves it out.
alter table timeline_item add column whisper boolean not null default false;

-- Supervisors silently monitoring a chat: never participants, so the contact's views cannot show them. A row is open
-- while stopped_at is null; one open row per supervisor and chat.
create table chat_monitor (
    id              bigserial    primary key,
    chat_id         varchar(64)  not null references chat (id),
    supervisor_id   varchar(255) not null,
    supervisor_name varchar(255) not null,
    started_at      timestamptz  not null,
    stopped_at      timestamptz
);
create unique index chat_monitor_open on chat_monitor (chat_id, supervisor_id) where stopped_at is null;
