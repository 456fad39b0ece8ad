-- The contact's answer to the post-chat satisfaction survey (docs/session-service.md "Satisfaction survey"): one per
-- chat, written once after the chat ended, in the transaction that publishes chat.survey.answered. queue and agents
-- are what the event carried (the chat's queue when it ended; the staff who took part, comma separated).
create table chat_survey (
    chat_id     varchar(64)  primary key references chat (id),
    queue       varchar(100) not null,
    agents      text         not null default '',
    score       integer      not null check (score between 1 and 5),
    comment     text,
    answered_at timestamptz  not null
);
