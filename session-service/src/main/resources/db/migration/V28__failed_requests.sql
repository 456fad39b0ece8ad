-- Transfers and conference invitations routing could not carry out (chat.routed FAILED), kept for a while so that
-- the requester's desk hears of it when its socket opens again: the live request-failed frame reaches only the
-- sockets open at that moment. Expired rows are deleted when the next failure is recorded.
create table failed_request (
    request_id   varchar(64)  primary key,
    requested_by varchar(100) not null,
    chat_id      varchar(64)  not null,
    reason       text,
    failed_at    timestamptz  not null,
    replay_until timestamptz  not null
);
create index failed_request_by_requester on failed_request (requested_by, replay_until);
create index failed_request_by_expiry on failed_request (replay_until);
