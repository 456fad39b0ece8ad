-- The agents' activity log (agent.state): one row per state change, by event id, so a redelivered event adds
-- nothing. Read per agent over a time range (supervisors' "what did this agent do today", workforce reports).
create table agent_state_change (
    event_id        uuid primary key,
    agent_id        varchar(255) not null,
    agent_name      varchar(255),
    state           varchar(32)  not null,
    reason          varchar(255),
    previous_state  varchar(32),
    previous_reason varchar(255),
    cause           varchar(32)  not null,
    changed_by      varchar(255),
    changed_at      timestamptz  not null
);
create index agent_state_change_agent_at on agent_state_change (agent_id, changed_at, event_id);
