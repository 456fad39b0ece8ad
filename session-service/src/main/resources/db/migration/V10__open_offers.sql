-- The offers routing made to each agent and has not closed yet, kept from chat.routed so that an agent whose socket
-- opens after the offer was made still sees it. OFFERED inserts; ACCEPTED, REJECTED, TIMED_OUT and FAILED delete the
-- offer, UNANSWERED and ABANDONED every offer of the chat. (V10: clear of the numbers service-kit's db/kit uses.)
create table open_offer (
    offer_id     varchar(64)  primary key,
    agent_id     varchar(100) not null,
    chat_id      varchar(64)  not null,
    queue        varchar(100),
    offer_kind   varchar(16)  not null,
    expires_at   timestamptz  not null,
    requested_by varchar(100)
);
create index open_offer_by_agent on open_offer (agent_id);
create index open_offer_by_chat on open_offer (chat_id);
