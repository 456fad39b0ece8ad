-- Delivery and read receipts (chat.receipt.updated): each participant's last watermarks, and when they were reached.
-- Every column merges commutatively (greatest seq; the earliest time the final seq was reached; the earliest read),
-- so the row is the same whatever order the events come in, and a replay gives the same.
create table interaction_receipt (
    chat_id        varchar(255) not null,
    participant_id varchar(255) not null,
    name           varchar(255),
    role           varchar(32)  not null,
    delivered_seq  bigint       not null,
    read_seq       bigint       not null,
    -- the first time the participant read anything of the chat (their first readSeq above 0)
    first_read_at  timestamptz,
    -- when the participant's watermarks reached their current values
    delivered_at   timestamptz  not null,
    read_at        timestamptz,
    primary key (chat_id, participant_id)
);
